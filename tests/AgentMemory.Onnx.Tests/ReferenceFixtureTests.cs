using System.Security.Cryptography;
using Microsoft.Extensions.AI;

namespace AgentMemory.Onnx.Tests;

/// <summary>The correctness proof: our tokens and vectors against independent implementations (see tools/OnnxReference).</summary>
[Collection(MiniLMTests.Name)]
public sealed class ReferenceFixtureTests(MiniLMModelFixture model)
{
    public static TheoryData<int> Sentences => ReferenceFixture.Indexes();

    [Fact]
    public void Fixture_Coverage_HasAtLeastFiftySentencesIncludingTruncatedOnes()
    {
        ReferenceFixture.Entries.Should().HaveCountGreaterThanOrEqualTo(50);
        ReferenceFixture.Entries.Should().Contain(e => e.Ids.Length == 256, "over-long texts are cut to 256 tokens");
        ReferenceFixture.Entries.Count(e => e.Ids.SequenceEqual(e.WrapperIds)).Should().BeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Tokenize_FixtureSentence_EqualsBertReferenceTokenByToken(int index)
    {
        var entry = ReferenceFixture.Entries[index];

        var ids = model.Generator.Tokenize(entry.Text);

        ids.Should().Equal(entry.Ids, $"sentence {index} ({entry.Text[..Math.Min(entry.Text.Length, 40)]}) should tokenize as [{string.Join(' ', entry.Tokens)}]");
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task GenerateAsync_FixtureSentence_CosineToReferenceAtLeast0999(int index)
    {
        var entry = ReferenceFixture.Entries[index];

        var vector = (await model.Generator.GenerateAsync([entry.Text])).Single().Vector;

        Cosine.Of(vector.Span, entry.Vector).Should().BeGreaterThanOrEqualTo(0.999f, $"sentence {index}");
    }

    [Fact]
    public async Task GenerateAsync_AllFixtureSentencesInOneCall_EachMatchesReference()
    {
        var entries = ReferenceFixture.Entries;

        var vectors = await model.Generator.GenerateAsync(entries.Select(e => e.Text));

        vectors.Should().HaveCount(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Cosine.Of(vectors[i].Vector.Span, entries[i].Vector).Should().BeGreaterThanOrEqualTo(0.999f, $"sentence {i} in a padded batch");
        }
    }

    [Fact]
    public async Task GenerateAsync_WherePackageTokenizerAgrees_MatchesPackageEncoderEndToEnd()
    {
        var agreeing = ReferenceFixture.Entries.Where(e => e.Ids.SequenceEqual(e.WrapperIds)).ToArray();

        var vectors = await model.Generator.GenerateAsync(agreeing.Select(e => e.Text));

        for (var i = 0; i < agreeing.Length; i++)
        {
            Cosine.Of(vectors[i].Vector.Span, agreeing[i].WrapperVector).Should().BeGreaterThanOrEqualTo(0.999f, agreeing[i].Text);
        }
    }

    [Fact]
    public void BundledModel_Resources_AreTheWeightsPackagesFiles()
    {
        var assembly = typeof(OnnxEmbeddingGenerator).Assembly;

        Hash(assembly.GetManifestResourceStream(LocalEmbeddingDefaults.ModelResource)!).Should().Be("4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2");
        Hash(assembly.GetManifestResourceStream(LocalEmbeddingDefaults.VocabularyResource)!).Should().Be("b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f");

        static string Hash(Stream stream)
        {
            using (stream)
            {
                return Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        }
    }
}
