using AgentMemory;
using AgentMemory.Tokenizers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers exact Tiktoken token counting for AgentMemory.</summary>
public static class TiktokenAgentMemoryBuilderExtensions
{
    /// <summary>
    /// Replaces the core's conservative token estimate with exact counts from <paramref name="model"/>'s Tiktoken
    /// encoding (o200k_base for "gpt-4o"), used by the memory block's token budget and by <see cref="WorkingMemory"/>.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="model">The model whose encoding is used.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseTiktokenTokenCounter(this AgentMemoryBuilder builder, string model = TiktokenTokenCounter.DefaultModel)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ITokenCounter>(_ => new TiktokenTokenCounter(model)));
        return builder;
    }
}
