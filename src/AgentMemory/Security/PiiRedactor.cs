using System.Security.Cryptography;
using System.Text;

namespace AgentMemory.Security;

/// <summary>Applies a PII policy to a text: typed placeholders, keyed hashes, or a block.</summary>
internal static class PiiRedactor
{
    /// <summary>The machine name of a type, as used in reasons and placeholders ("email", "ip"…).</summary>
    public static string Name(PiiType type) => type switch
    {
        PiiType.Email => "email",
        PiiType.Phone => "phone",
        PiiType.Card => "card",
        PiiType.Iban => "iban",
        PiiType.Ssn => "ssn",
        PiiType.IpAddress => "ip",
        PiiType.DateOfBirth => "dob",
        PiiType.Address => "address",
        _ => "special-category",
    };

    /// <summary>
    /// Rewrites <paramref name="text"/> by the policy. Blocked spans are redacted too, so the result is safe to
    /// quarantine; <paramref name="blocked"/> names the first blocked type, if any.
    /// </summary>
    public static string Apply(string text, IReadOnlyList<PiiMatch> matches, PiiGuardOptions options, string? tenantId, out PiiType? blocked, out SortedSet<string> changedTypes)
    {
        blocked = null;
        changedTypes = new SortedSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder(text.Length);
        var cursor = 0;
        foreach (var m in matches)
        {
            var action = options.ActionFor(m.Type, tenantId);
            if (action == PiiAction.Keep)
            {
                continue;
            }

            if (action == PiiAction.Block)
            {
                blocked ??= m.Type;
            }

            sb.Append(text, cursor, m.Start - cursor);
            var tag = Name(m.Type).ToUpperInvariant();
            sb.Append(action == PiiAction.Hash ? $"[{tag}:{Hash(text.Substring(m.Start, m.Length), m.Type, options)}]" : $"[{tag}]");
            cursor = m.End;
            changedTypes.Add(Name(m.Type));
        }

        sb.Append(text, cursor, text.Length - cursor);
        return sb.ToString();
    }

    /// <summary>Redacts every detected span to its typed placeholder, whatever the policy (for quarantined text).</summary>
    public static string RedactAll(string text, IReadOnlyList<PiiMatch> matches)
    {
        var sb = new StringBuilder(text.Length);
        var cursor = 0;
        foreach (var m in matches)
        {
            sb.Append(text, cursor, m.Start - cursor).Append('[').Append(Name(m.Type).ToUpperInvariant()).Append(']');
            cursor = m.End;
        }

        return sb.Append(text, cursor, text.Length - cursor).ToString();
    }

    private static string Hash(string value, PiiType type, PiiGuardOptions options)
    {
        if (string.IsNullOrEmpty(options.HashSalt))
        {
            throw new InvalidOperationException("PiiGuardOptions.HashSalt must be set when a PII action is Hash.");
        }

        // Canonical form, so "A@B.com" and "a@b.com", or "4111 1111…" and "4111-1111…", hash alike.
        var canonical = type is PiiType.Card or PiiType.Iban or PiiType.Ssn or PiiType.Phone
            ? new string([.. value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)])
            : value.Trim().ToLowerInvariant();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.HashSalt), Encoding.UTF8.GetBytes(Name(type) + ":" + canonical));
        return Convert.ToHexStringLower(mac)[..Math.Clamp(options.HashLength, 8, 64)];
    }
}
