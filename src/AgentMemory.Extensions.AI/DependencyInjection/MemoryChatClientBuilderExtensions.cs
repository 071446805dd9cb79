using AgentMemory;
using AgentMemory.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.AI;

/// <summary>Adds AgentMemory to a <see cref="ChatClientBuilder"/> pipeline.</summary>
public static class MemoryChatClientBuilderExtensions
{
    /// <summary>
    /// Adds the memory middleware: recall + injection before each call, formation after it. The
    /// <see cref="IAgentMemory"/> and the optional <see cref="IMemoryScopeAccessor"/> come from the service provider
    /// unless <paramref name="memory"/> is given.
    /// </summary>
    /// <param name="builder">The chat client pipeline.</param>
    /// <param name="memory">The memory to use (null: resolve <see cref="IAgentMemory"/> from services).</param>
    /// <param name="configure">Configures the middleware.</param>
    public static ChatClientBuilder UseAgentMemory(this ChatClientBuilder builder, IAgentMemory? memory = null, Action<MemoryChatOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new MemoryChatOptions();
        configure?.Invoke(options);
        return builder.Use((inner, services) => new MemoryChatClient(
            inner,
            memory ?? services.GetRequiredService<IAgentMemory>(),
            services.GetService<IMemoryScopeAccessor>(),
            options));
    }
}
