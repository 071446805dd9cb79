using Microsoft.Extensions.Options;

namespace AgentMemory.Models;

/// <summary>Validates <see cref="LlmMemoryOptions"/> at start, reporting every failure in one message.</summary>
internal sealed class LlmMemoryOptionsValidator : IValidateOptions<LlmMemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmMemoryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxOutputAttempts is < 1 or > 10)
        {
            failures.Add("LlmMemoryOptions.MaxOutputAttempts must be between 1 and 10.");
        }

        if (options.MaxMemoriesPerExtraction is < 1 or > 200)
        {
            failures.Add("LlmMemoryOptions.MaxMemoriesPerExtraction must be between 1 and 200.");
        }

        if (options.Temperature is { } t && (!float.IsFinite(t) || t < 0 || t > 2))
        {
            failures.Add("LlmMemoryOptions.Temperature must be between 0 and 2.");
        }

        if (options.MaxOutputTokens is < 16)
        {
            failures.Add("LlmMemoryOptions.MaxOutputTokens must be at least 16.");
        }

        if (options.QueryExpansionTimeout <= TimeSpan.Zero || options.QueryExpansionTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("LlmMemoryOptions.QueryExpansionTimeout must be positive and at most 5 minutes.");
        }

        if (options.MaxExpandedQueries is < 1 or > 10)
        {
            failures.Add("LlmMemoryOptions.MaxExpandedQueries must be between 1 and 10.");
        }

        if (options.ExpansionHistoryMessages is < 0 or > 50)
        {
            failures.Add("LlmMemoryOptions.ExpansionHistoryMessages must be between 0 and 50.");
        }

        if (options.MaxMessageCharacters < 100)
        {
            failures.Add("LlmMemoryOptions.MaxMessageCharacters must be at least 100.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in options.Profiles)
        {
            if (string.IsNullOrWhiteSpace(profile.Name) || !profile.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                failures.Add($"Profile name '{profile.Name}' must be letters, digits, '_' or '-'.");
            }
            else if (!names.Add(profile.Name))
            {
                failures.Add($"Profile '{profile.Name}' is added twice.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
