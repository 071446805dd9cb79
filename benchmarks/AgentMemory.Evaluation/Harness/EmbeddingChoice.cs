using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Evaluation.Harness;

/// <summary>
/// The one place where <c>--embeddings</c> becomes a change to the memory's builder. <c>hashing</c> keeps what
/// <c>AddAgentMemory</c> registers (the offline feature-hashing generator). <c>onnx</c> stands for the in-process model of
/// the <c>AgentMemory.Onnx</c> package (<c>UseLocalEmbeddings()</c>); this project does not reference that package yet, so
/// the choice is refused with a message instead of silently falling back to hashing. Wiring it is a project reference
/// plus the <c>onnx</c> arm below becoming the same as the <c>hashing</c> arm with
/// <c>configure = static builder => builder.UseLocalEmbeddings();</c>.
/// </summary>
internal static class EmbeddingChoice
{
    public const string Hashing = "hashing";
    public const string Onnx = "onnx";

    /// <summary>Resolves <paramref name="name"/> to a builder step, or explains why it cannot be used.</summary>
    public static bool TryResolve(string name, out Func<AgentMemoryBuilder, AgentMemoryBuilder> configure, out string? error)
    {
        switch (name)
        {
            case Hashing:
                configure = static builder => builder;
                error = null;
                return true;
            case Onnx:
                configure = Unavailable;
                error = "--embeddings onnx needs the AgentMemory.Onnx package (UseLocalEmbeddings()), which AgentMemory.Evaluation does not reference yet; run with --embeddings hashing, or reference the package and enable the 'onnx' arm in Harness/EmbeddingChoice.cs.";
                return false;
            default:
                configure = Unavailable;
                error = $"unknown --embeddings '{name}' (expected {Hashing} or {Onnx}).";
                return false;
        }
    }

    private static AgentMemoryBuilder Unavailable(AgentMemoryBuilder builder) => throw new InvalidOperationException("This embedding choice is not available.");
}
