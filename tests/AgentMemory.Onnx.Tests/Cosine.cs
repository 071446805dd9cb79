using System.Numerics.Tensors;

namespace AgentMemory.Onnx.Tests;

internal static class Cosine
{
    public static float Of(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.CosineSimilarity(a, b);
}
