namespace AgentMemory.Models;

/// <summary>
/// Validates what <see cref="LlmMemoryOptions"/>' data annotations cannot say (the expansion timeout, profiles) at start;
/// the <c>[Range]</c>s are checked by the source-generated <see cref="LlmMemoryOptionsAnnotationsValidator"/>.
/// </summary>
internal sealed class LlmMemoryOptionsValidator : IValidateOptions<LlmMemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmMemoryOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (options.QueryExpansionTimeout <= TimeSpan.Zero || options.QueryExpansionTimeout > TimeSpan.FromMinutes(5))
        {
            failures.AddError("LlmMemoryOptions.QueryExpansionTimeout must be positive and at most 5 minutes.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in options.Profiles)
        {
            if (string.IsNullOrWhiteSpace(profile.Name) || !profile.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                failures.AddError($"Profile name '{profile.Name}' must be letters, digits, '_' or '-'.");
            }
            else if (!names.Add(profile.Name))
            {
                failures.AddError($"Profile '{profile.Name}' is added twice.");
            }
        }

        return failures.Build();
    }
}
