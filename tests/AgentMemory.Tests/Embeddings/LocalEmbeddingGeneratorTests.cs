using AgentMemory.Embeddings;
using AgentMemory.Vectors;
using Microsoft.Extensions.AI;
using System.Numerics.Tensors;

namespace AgentMemory.Tests.Embeddings;

public sealed class LocalEmbeddingGeneratorTests : IDisposable
{
    private readonly LocalEmbeddingGenerator _generator = new();

    public void Dispose() => _generator.Dispose();

    private float Similarity(string a, string b) => TensorPrimitives.Dot(_generator.Embed(a), _generator.Embed(b));

    [Fact]
    public void Embed_SameText_IsDeterministicAcrossInstances()
    {
        var a = new LocalEmbeddingGenerator().Embed("My sister lives in Lyon.");
        var b = new LocalEmbeddingGenerator().Embed("My sister lives in Lyon.");

        a.Should().Equal(b);
    }

    [Fact]
    public void Embed_KnownText_HasAStableFingerprint()
    {
        // Guards against anyone swapping the hash for string.GetHashCode (randomised per process).
        LocalEmbeddingGenerator.Fnv1a64("w:lyon").Should().Be(LocalEmbeddingGenerator.Fnv1a64("w:lyon"));
        LocalEmbeddingGenerator.Fnv1a64("a").Should().NotBe(LocalEmbeddingGenerator.Fnv1a64("b"));
        var v = _generator.Embed("vegetarian");
        v.Count(x => x != 0).Should().BeGreaterThan(5);
        Array.IndexOf(v, v.MaxBy(MathF.Abs)).Should().Be(Array.IndexOf(new LocalEmbeddingGenerator().Embed("vegetarian"), v.MaxBy(MathF.Abs)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("the a of")]
    [InlineData("My sister lives in Lyon and works as a nurse at the hospital.")]
    public void Embed_AnyText_IsUnitLengthAndFinite(string text)
    {
        var v = _generator.Embed(text);

        v.Should().HaveCount(LocalEmbeddingGenerator.DefaultDimensions);
        v.Should().OnlyContain(x => float.IsFinite(x));
        VectorMath.IsNormalized(v).Should().BeTrue();
    }

    [Fact]
    public void Embed_RelatedTexts_AreMoreSimilarThanUnrelatedOnes()
    {
        var related = Similarity("I am vegetarian", "The user is a vegetarian");
        var morphological = Similarity("I love hiking in the mountains", "hikes in mountain trails");
        var unrelated = Similarity("I am vegetarian", "The quarterly tax report is due on Friday");

        related.Should().BeGreaterThan(0.5f);
        morphological.Should().BeGreaterThan(unrelated);
        unrelated.Should().BeLessThan(0.2f);
    }

    [Fact]
    public async Task GenerateAsync_ManyValues_ReturnsOneNormalisedVectorEach()
    {
        var result = await _generator.GenerateAsync(["one", "two", "three"]);

        result.Should().HaveCount(3);
        result.Select(e => e.Vector.Length).Should().AllBeEquivalentTo(384);
        _generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.Should().Be(384);
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsRequested_Throws()
    {
        var act = () => _generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 1536 });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*384*1536*");
    }

    [Fact]
    public void Constructor_CustomDimensions_AreUsed()
    {
        new LocalEmbeddingGenerator(64).Embed("hello world").Should().HaveCount(64);
        var act = () => new LocalEmbeddingGenerator(8);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
