namespace AgentMemory.Security;

/// <summary>Validates <see cref="AgentMemoryOptions.Security"/>, reporting every failure in one result.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<AgentMemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentMemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = options.Security;
        var failures = new ValidateOptionsResultBuilder();
        if (s is null)
        {
            return ValidateOptionsResult.Fail("AgentMemoryOptions.Security must not be null.");
        }

        // Ranges ([Range] on the options) are checked by the source-generated AgentMemoryOptionsAnnotationsValidator.
        if (s.Poisoning.AmbiguousThreshold > s.Poisoning.BlockThreshold)
        {
            failures.AddError("Security.Poisoning.AmbiguousThreshold must not exceed BlockThreshold.");
        }

        var usesHash = s.Pii.DefaultAction == PiiAction.Hash || s.Pii.Actions.Values.Contains(PiiAction.Hash)
            || s.Pii.TenantActions.Values.Any(t => t.Values.Contains(PiiAction.Hash));
        if (usesHash && string.IsNullOrEmpty(s.Pii.HashSalt))
        {
            failures.AddError("Security.Pii.HashSalt must be set when a PII action is Hash.");
        }

        return failures.Build();
    }
}
