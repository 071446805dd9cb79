using AgentMemory.Security;

namespace AgentMemory;

// Registers AgentMemory's memory guards.
public sealed partial class AgentMemoryBuilder
{
    /// <summary>
    /// Registers the default guards, in this order: <see cref="PoisoningGuard"/>, <see cref="ModelJudgeGuard"/> (inert
    /// unless enabled and AgentMemory has a chat client: <c>UseChatClient</c> or <c>UseOpenAI</c>, the keyed
    /// <see cref="AgentMemoryServiceKeys.ChatClient"/> registration), <see cref="PiiGuard"/>. Poisoning runs before PII because
    /// redaction rewrites the text the poisoning detector reads (an exfiltration target "send it to x@evil.io" becomes
    /// "[EMAIL]") and because a blocked candidate needs no PII rewrite (the poisoning guard redacts the quarantined copy
    /// itself). Idempotent; each guard is registered once.
    /// </summary>
    public AgentMemoryBuilder UseDefaultGuards()
    {
        var services = Services;
        services.AddOptions<AgentMemoryOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentMemoryOptions>, SecurityOptionsValidator>());
        services.TryAddSingleton<PoisoningDetector>();
        services.TryAddSingleton(sp => new PiiDetector(sp.GetRequiredService<IOptions<AgentMemoryOptions>>().Value.Security.Pii));
        services.TryAddSingleton(sp => new MemoryGuardChain(sp.GetServices<IMemoryGuard>(), sp.GetService<AgentMemoryInstrumentation>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMemoryGuard, PoisoningGuard>());
        // The judge asks AgentMemory's own (keyed) chat client, never the host's unkeyed one: the host's client may be the
        // memory middleware itself (AddChatClient(…).UseAgentMemory()), which depends on the guards, a cycle.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMemoryGuard, ModelJudgeGuard>(sp => new ModelJudgeGuard(
            sp.GetRequiredService<IOptionsMonitor<AgentMemoryOptions>>(),
            sp.GetRequiredService<PoisoningDetector>(),
            sp.GetService<ILogger<ModelJudgeGuard>>(),
            JudgeClient(sp))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMemoryGuard, PiiGuard>());
        return this;
    }

    /// <summary>Registers the default guards (see <see cref="UseDefaultGuards"/>) and configures them.</summary>
    public AgentMemoryBuilder UseSecurity(Action<SecurityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        UseDefaultGuards();
        Services.Configure<AgentMemoryOptions>(o => configure(o.Security));
        return this;
    }

    /// <summary>AgentMemory's own chat client (keyed), measured under the GenAI conventions as the judge; null when none.</summary>
    private static IChatClient? JudgeClient(IServiceProvider services)
    {
        var client = services.GetKeyedService<IChatClient>(AgentMemoryServiceKeys.ChatClient);
        return client is not null && services.GetService<AgentMemoryInstrumentation>() is { } telemetry ? telemetry.Instrument(client, "judge") : client;
    }
}
