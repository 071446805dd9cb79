using Microsoft.Extensions.Options;

namespace AgentMemory.OpenAI;

/// <summary>Validates <see cref="OpenAIMemoryOptions"/> at start, reporting every failure in one message.</summary>
internal sealed class OpenAIMemoryOptionsValidator : IValidateOptions<OpenAIMemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIMemoryOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ApiKey) && options.Endpoint is null)
        {
            failures.AddError("OpenAIMemoryOptions needs an ApiKey (OpenAI, Azure OpenAI) or an Endpoint (a local OpenAI-compatible server).");
        }

        if (options.Endpoint is { IsAbsoluteUri: false })
        {
            failures.AddError("OpenAIMemoryOptions.Endpoint must be an absolute URI.");
        }

        if (string.IsNullOrWhiteSpace(options.ChatModel))
        {
            failures.AddError("OpenAIMemoryOptions.ChatModel is required.");
        }

        if (string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            failures.AddError("OpenAIMemoryOptions.EmbeddingModel is required.");
        }

        if (options.Dimensions is <= 0)
        {
            failures.AddError("OpenAIMemoryOptions.Dimensions must be positive.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.AddError("OpenAIMemoryOptions.MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.AddError("OpenAIMemoryOptions.RetryDelay must be non-negative and at most MaxRetryDelay.");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.AddError("OpenAIMemoryOptions.NetworkTimeout must be positive.");
        }

        return failures.Build();
    }
}
