using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx.Tests;

/// <summary>One loaded bundled model shared by the tests of a collection (loading costs about a second).</summary>
public sealed class MiniLMModelFixture : IDisposable
{
    public MiniLMModelFixture()
    {
        Generator = new OnnxEmbeddingGenerator(Options.Create(new LocalEmbeddingOptions()));
        Generator.EnsureLoaded();
    }

    internal OnnxEmbeddingGenerator Generator { get; }

    public void Dispose() => Generator.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLMTests : ICollectionFixture<MiniLMModelFixture>
{
    public const string Name = "MiniLM";
}
