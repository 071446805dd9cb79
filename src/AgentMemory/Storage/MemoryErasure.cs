using System.Security.Cryptography;

namespace AgentMemory.Storage;

/// <summary>What every store does the same way when it erases a scope.</summary>
internal static class MemoryErasure
{
    /// <summary>The prefix of the pseudonyms that replace erased identifiers in the audit trail.</summary>
    public const string PseudonymPrefix = "erased-";

    /// <summary>
    /// The scope an erased scope's audit entries are rewritten to: the same tenant, with every user, agent and session id
    /// the erased scope sets replaced by one fresh random pseudonym (for a tenant-wide erasure, the tenant id itself).
    /// The pseudonym is random, not a hash, so nothing in the trail can be matched back to the erased identifier.
    /// </summary>
    /// <param name="erased">The scope being erased.</param>
    public static MemoryScope CreateAuditScope(MemoryScope erased)
    {
        ArgumentNullException.ThrowIfNull(erased);
        var pseudonym = PseudonymPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (erased.IsTenantShared)
        {
            return MemoryScope.TenantShared(pseudonym);
        }

        return new MemoryScope(
            erased.TenantId,
            erased.UserId is null ? null : pseudonym,
            erased.AgentId is null ? null : pseudonym,
            erased.SessionId is null ? null : pseudonym);
    }
}
