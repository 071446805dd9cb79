using Microsoft.Extensions.Options;

namespace AgentMemory.Mcp;

/// <summary>Checks the options at start and reports every problem in one message.</summary>
internal sealed class AgentMemoryMcpOptionsValidator : IValidateOptions<AgentMemoryMcpOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentMemoryMcpOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (options.MaxResults is < 1 or > 1000)
        {
            failures.AddError($"MaxResults must be from 1 to 1000 (was {options.MaxResults}).");
        }

        if (options.MaxForget is < 1 or > 100_000)
        {
            failures.AddError($"MaxForget must be from 1 to 100000 (was {options.MaxForget}).");
        }

        try
        {
            // With a claim the user comes per call; the tenant (and agent) must still make a valid scope with some user.
            _ = options.UserIdClaimType is null
                ? new MemoryScope(options.TenantId, options.UserId, options.AgentId)
                : new MemoryScope(options.TenantId, "caller", options.AgentId);
        }
        catch (ArgumentException ex)
        {
            failures.AddError("The configured scope is not valid: " + ex.Message);
        }

        if (options.UserIdClaimType is not null && string.IsNullOrWhiteSpace(options.UserIdClaimType))
        {
            failures.AddError("UserIdClaimType must not be blank.");
        }

        return failures.Build();
    }
}
