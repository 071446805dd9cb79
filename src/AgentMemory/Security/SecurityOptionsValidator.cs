using Microsoft.Extensions.Options;

namespace AgentMemory.Security;

/// <summary>Validates <see cref="AgentMemoryOptions.Security"/>, reporting every failure in one result.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<AgentMemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentMemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = options.Security;
        var failures = new List<string>();
        if (s is null)
        {
            return ValidateOptionsResult.Fail("AgentMemoryOptions.Security must not be null.");
        }

        if (s.Poisoning.BlockThreshold is <= 0 or > 1)
        {
            failures.Add("Security.Poisoning.BlockThreshold must be in (0, 1].");
        }

        if (s.Poisoning.AmbiguousThreshold < 0 || s.Poisoning.AmbiguousThreshold > s.Poisoning.BlockThreshold)
        {
            failures.Add("Security.Poisoning.AmbiguousThreshold must be in [0, BlockThreshold].");
        }

        if (s.Poisoning.SplitWindow < 0)
        {
            failures.Add("Security.Poisoning.SplitWindow must not be negative.");
        }

        var usesHash = s.Pii.DefaultAction == PiiAction.Hash || s.Pii.Actions.Values.Contains(PiiAction.Hash)
            || s.Pii.TenantActions.Values.Any(t => t.Values.Contains(PiiAction.Hash));
        if (usesHash && string.IsNullOrEmpty(s.Pii.HashSalt))
        {
            failures.Add("Security.Pii.HashSalt must be set when a PII action is Hash.");
        }

        if (s.Pii.HashLength is < 8 or > 64)
        {
            failures.Add("Security.Pii.HashLength must be in [8, 64].");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
