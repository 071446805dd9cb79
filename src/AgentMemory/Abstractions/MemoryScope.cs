using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AgentMemory;

/// <summary>
/// Who a memory belongs to: a tenant (organisation) and, below it, a user, an agent and a session (thread).
/// Every read and every write names a scope; stores enforce it in their queries.
/// </summary>
/// <remarks>
/// <para>A scope needs a tenant and at least one of user or agent. The one exception is the tenant-wide
/// shared scope made by <see cref="TenantShared(string)"/>, for knowledge an operator curates for a whole tenant.</para>
/// <para>Visibility: a reader at scope R sees a memory owned by scope O when both have the same tenant and each
/// of O's user, agent and session is either unset or equal to R's. So a session read sees that session's memories,
/// the user's memories, the agent's shared memories and the tenant's shared memories, and never another user's.</para>
/// <para>Identifiers are opaque: they are compared ordinally (case- and normalisation-sensitive, never folded), so two ids
/// are the same scope part only when they are the same UTF-16 string. An id must be well-formed UTF-16 (no lone
/// surrogate), hold no control character, not be blank and be at most <see cref="MaxIdLength"/> characters; anything else
/// is rejected with <see cref="ArgumentException"/>, never repaired, because repairing (say, replacing a lone surrogate
/// with U+FFFD) would map two different ids to one scope.</para>
/// <para><see cref="Key"/> is injective: two scopes have the same key exactly when they are equal, and
/// <see cref="Parse"/> inverts it. Every store keys its partitions by it.</para>
/// </remarks>
public sealed record MemoryScope
{
    /// <summary>The longest identifier accepted for any part of a scope.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Creates a scope. Throws <see cref="ArgumentException"/> when it is not valid.</summary>
    /// <param name="tenantId">The tenant (organisation). Required.</param>
    /// <param name="userId">The user, if the memory is about or for one user.</param>
    /// <param name="agentId">The agent, if the memory belongs to one agent.</param>
    /// <param name="sessionId">The session (thread); requires a user or an agent.</param>
    /// <exception cref="ArgumentException">The tenant is missing, neither user nor agent is given, or an id is blank, too long or contains control characters.</exception>
    public MemoryScope(string tenantId, string? userId = null, string? agentId = null, string? sessionId = null)
        : this(tenantId, userId, agentId, sessionId, allowTenantShared: false)
    {
    }

    private MemoryScope(string tenantId, string? userId, string? agentId, string? sessionId, bool allowTenantShared)
    {
        TenantId = ValidateId(tenantId, nameof(tenantId), required: true)!;
        UserId = ValidateId(userId, nameof(userId), required: false);
        AgentId = ValidateId(agentId, nameof(agentId), required: false);
        SessionId = ValidateId(sessionId, nameof(sessionId), required: false);
        if (!allowTenantShared && UserId is null && AgentId is null)
        {
            throw new ArgumentException("A memory scope needs a user or an agent besides the tenant (use MemoryScope.TenantShared for tenant-wide memories).", nameof(userId));
        }

        if (SessionId is not null && UserId is null && AgentId is null)
        {
            throw new ArgumentException("A session scope needs a user or an agent.", nameof(sessionId));
        }

        Key = BuildKey();
    }

    /// <summary>The tenant (organisation).</summary>
    public string TenantId { get; }

    /// <summary>The user, or <see langword="null"/> for memories not tied to one user.</summary>
    public string? UserId { get; }

    /// <summary>The agent, or <see langword="null"/> for memories shared by all agents.</summary>
    public string? AgentId { get; }

    /// <summary>The session (thread), or <see langword="null"/> for memories that outlive a session.</summary>
    public string? SessionId { get; }

    /// <summary>Whether this is the tenant-wide shared scope (no user, agent or session).</summary>
    public bool IsTenantShared => UserId is null && AgentId is null && SessionId is null;

    /// <summary>
    /// A canonical, unambiguous string for this scope, usable as a partition key: the four parts joined by <c>/</c>, an
    /// unset part written as <c>-</c> and a set part percent-encoded (RFC 3986 unreserved characters kept, everything else
    /// as UTF-8 <c>%XX</c>, and an id that is exactly <c>-</c> written as <c>%2D</c>), so no id can read as unset or as a
    /// separator.
    /// </summary>
    public string Key { get; }

    /// <summary>A scope for one user of a tenant.</summary>
    public static MemoryScope ForUser(string tenantId, string userId) => new(tenantId, userId);

    /// <summary>The tenant-wide shared scope: visible to every reader of the tenant.</summary>
    public static MemoryScope TenantShared(string tenantId) => new(tenantId, null, null, null, allowTenantShared: true);

    /// <summary>A scope for one agent of a tenant: memories the agent keeps for every user it serves.</summary>
    public static MemoryScope ForAgent(string tenantId, string agentId) => new(tenantId, null, agentId);

    /// <summary>This scope narrowed to a session.</summary>
    public MemoryScope WithSession(string sessionId) => new(TenantId, UserId, AgentId, sessionId, allowTenantShared: false);

    /// <summary>This scope narrowed (or widened) to an agent.</summary>
    public MemoryScope WithAgent(string? agentId) => new(TenantId, UserId, agentId, SessionId, allowTenantShared: false);

    /// <summary>
    /// Whether a reader at this scope may see a memory owned by <paramref name="owner"/>: same tenant, and each of the
    /// owner's user, agent and session unset or equal to this scope's.
    /// </summary>
    public bool CanSee(MemoryScope owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return string.Equals(TenantId, owner.TenantId, StringComparison.Ordinal)
            && (owner.UserId is null || string.Equals(owner.UserId, UserId, StringComparison.Ordinal))
            && (owner.AgentId is null || string.Equals(owner.AgentId, AgentId, StringComparison.Ordinal))
            && (owner.SessionId is null || string.Equals(owner.SessionId, SessionId, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether <paramref name="other"/> lies within this scope (same tenant, and every part this scope sets is equal in
    /// <paramref name="other"/>). Used for export and erasure: a user scope contains all of that user's sessions.
    /// </summary>
    public bool Contains(MemoryScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(TenantId, other.TenantId, StringComparison.Ordinal)
            && (UserId is null || string.Equals(UserId, other.UserId, StringComparison.Ordinal))
            && (AgentId is null || string.Equals(AgentId, other.AgentId, StringComparison.Ordinal))
            && (SessionId is null || string.Equals(SessionId, other.SessionId, StringComparison.Ordinal));
    }

    /// <summary>
    /// The owner scopes a reader at this scope can see, most specific first (at most eight). Stores use this to read
    /// exactly the partitions a reader may see.
    /// </summary>
    public IReadOnlyList<MemoryScope> VisibleScopes()
    {
        var result = new List<MemoryScope>(8);
        string?[] users = UserId is null ? [null] : [UserId, null];
        string?[] agents = AgentId is null ? [null] : [AgentId, null];
        string?[] sessions = SessionId is null ? [null] : [SessionId, null];
        foreach (var s in sessions)
        {
            foreach (var u in users)
            {
                foreach (var a in agents)
                {
                    if (s is not null && u is null && a is null)
                    {
                        continue;
                    }

                    result.Add(new MemoryScope(TenantId, u, a, s, allowTenantShared: true));
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => Key;

    /// <summary>Parses a string made by <see cref="Key"/> (only the canonical form: <c>Parse(k).Key == k</c>).</summary>
    /// <exception cref="FormatException">The text is not a scope key.</exception>
    public static MemoryScope Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryParse(key, out var scope) ? scope : throw new FormatException("Not a memory scope key.");
    }

    /// <summary>Tries to parse a string made by <see cref="Key"/>; a non-canonical spelling of a key is not accepted.</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out MemoryScope? scope)
    {
        scope = null;
        if (key is null)
        {
            return false;
        }

        var parts = key.Split('/');
        if (parts.Length != 4)
        {
            return false;
        }

        try
        {
            var values = parts.Select(p => p == "-" ? null : Uri.UnescapeDataString(p)).ToArray();
            if (values[0] is null)
            {
                return false;
            }

            var parsed = new MemoryScope(values[0]!, values[1], values[2], values[3], allowTenantShared: true);
            if (!string.Equals(parsed.Key, key, StringComparison.Ordinal))
            {
                return false;
            }

            scope = parsed;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private string BuildKey()
    {
        var sb = new StringBuilder();
        Append(sb, TenantId).Append('/');
        Append(sb, UserId).Append('/');
        Append(sb, AgentId).Append('/');
        Append(sb, SessionId);
        return sb.ToString();

        static StringBuilder Append(StringBuilder sb, string? value) => sb.Append(value switch
        {
            null => Unset,
            Unset => EscapedDash,
            _ => Uri.EscapeDataString(value),
        });
    }

    private const string Unset = "-";
    private const string EscapedDash = "%2D";

    private static string? ValidateId(string? value, string paramName, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                throw new ArgumentNullException(paramName, "A memory scope needs a tenant id.");
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The scope's {paramName} must not be empty or white space.", paramName);
        }

        if (value.Length > MaxIdLength)
        {
            throw new ArgumentException($"The scope's {paramName} is longer than {MaxIdLength} characters.", paramName);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"The scope's {paramName} contains a control character.", paramName);
            }
        }

        if (Utf16Text.IndexOfIllFormed(value) is var at and >= 0)
        {
            throw new ArgumentException($"The scope's {paramName} is not well-formed UTF-16 (a lone surrogate at index {at}).", paramName);
        }

        return value;
    }
}
