namespace AgentMemory.DependencyInjection;

/// <summary>
/// Validates what <see cref="AgentMemoryOptions"/>' data annotations cannot say (time spans, relations between values,
/// dictionaries), reporting every failure in one message (AOT-safe, no reflection). The ranges declared with
/// <c>[Range]</c> are checked by the source-generated <see cref="AgentMemoryOptionsAnnotationsValidator"/>.
/// </summary>
internal sealed class AgentMemoryOptionsValidator : IValidateOptions<AgentMemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentMemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ValidateOptionsResultBuilder();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                failures.AddError(message);
            }
        }

        var f = options.Formation;
        if (f is null)
        {
            failures.AddError("AgentMemory:Formation must not be null.");
        }
        else
        {
            Check(f.QueueCapacity >= 1, $"AgentMemory:Formation:QueueCapacity must be at least 1 (was {f.QueueCapacity}).");
            Check(f.QueueFullTimeout >= TimeSpan.Zero, "AgentMemory:Formation:QueueFullTimeout must not be negative.");
            Check(f.LeaseDuration >= TimeSpan.FromSeconds(1), $"AgentMemory:Formation:LeaseDuration must be at least 1 second (was {f.LeaseDuration}).");
            Check(f.BatchSize is >= 1 and <= 1000, $"AgentMemory:Formation:BatchSize must be between 1 and 1000 (was {f.BatchSize}).");
            Check(f.PollInterval > TimeSpan.Zero, "AgentMemory:Formation:PollInterval must be positive.");
            Check(f.RetryBaseDelay >= TimeSpan.Zero, "AgentMemory:Formation:RetryBaseDelay must not be negative.");
            Check(f.RetryMaxDelay >= f.RetryBaseDelay, "AgentMemory:Formation:RetryMaxDelay must be at least RetryBaseDelay.");
            Check(f.MaxAttempts is >= 1 and <= 1000, $"AgentMemory:Formation:MaxAttempts must be between 1 and 1000 (was {f.MaxAttempts}).");
            Check(f.MemoryBudget >= 1, $"AgentMemory:Formation:MemoryBudget must be at least 1 (was {f.MemoryBudget}).");
            foreach (var (tenant, budget) in f.TenantMemoryBudgets ?? [])
            {
                Check(budget >= 1, $"AgentMemory:Formation:TenantMemoryBudgets:{tenant} must be at least 1 (was {budget}).");
            }

            Check(f.RetentionHalfLife > TimeSpan.Zero, "AgentMemory:Formation:RetentionHalfLife must be positive.");
            foreach (var (kind, ttl) in f.DefaultTimeToLive ?? [])
            {
                Check(ttl > TimeSpan.Zero, $"AgentMemory:Formation:DefaultTimeToLive:{kind} must be positive (was {ttl}).");
            }

            Check(f.SweepInterval > TimeSpan.Zero, "AgentMemory:Formation:SweepInterval must be positive.");
            Check(f.SchemaVersion >= 1, $"AgentMemory:Formation:SchemaVersion must be at least 1 (was {f.SchemaVersion}).");
        }

        var r = options.Reconciliation;
        if (r is null)
        {
            failures.AddError("AgentMemory:Reconciliation must not be null.");
        }
        else
        {
            Check(r.Neighbours is >= 1 and <= 100, $"AgentMemory:Reconciliation:Neighbours must be between 1 and 100 (was {r.Neighbours}).");
            Check(r.DuplicateThreshold is >= 0 and <= 1, $"AgentMemory:Reconciliation:DuplicateThreshold must be between 0 and 1 (was {r.DuplicateThreshold}).");
            Check(r.SupersedeThreshold is >= 0 and <= 1, $"AgentMemory:Reconciliation:SupersedeThreshold must be between 0 and 1 (was {r.SupersedeThreshold}).");
            Check(r.SupersedeThreshold <= r.DuplicateThreshold, "AgentMemory:Reconciliation:SupersedeThreshold must not exceed DuplicateThreshold.");
        }

        var c = options.Consolidation;
        if (c is null)
        {
            failures.AddError("AgentMemory:Consolidation must not be null.");
        }
        else
        {
            Check(c.Interval > TimeSpan.Zero, "AgentMemory:Consolidation:Interval must be positive.");
            Check(c.DistillAfterIdle >= TimeSpan.Zero, "AgentMemory:Consolidation:DistillAfterIdle must not be negative.");
        }

        Check(options.Retrieval is not null, "AgentMemory:Retrieval must not be null.");
        if (options.Retrieval is { } retrieval)
        {
            Check(retrieval.KindWeights is not null && retrieval.KindWeights.Values.All(w => w is >= 0 and <= 10), "AgentMemory:Retrieval:KindWeights must hold weights between 0 and 10.");
            Check(retrieval.SourceWeights is not null && retrieval.SourceWeights.Values.All(w => w is >= 0 and <= 10), "AgentMemory:Retrieval:SourceWeights must hold weights between 0 and 10.");
        }
        Check(options.Context is null || options.Context.TokenBudget >= 1, "AgentMemory:Context:TokenBudget must be at least 1.");

        return failures.Build();
    }
}
