using AgentMemory.OpenAI.Tests.Fakes;

namespace AgentMemory.OpenAI.Tests.Models;

public sealed class EmbeddingTests : FakeServerTestBase
{
    private static readonly float[][] Vectors = [[0.25f, -0.5f, 1f], [1.5f, 0f, -2.25f]];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GenerateAsync_FloatOrBase64Reply_ReturnsTheVectors(bool base64)
    {
        Server.ReplyEmbeddings(Vectors, base64, promptTokens: 11);
        using var clients = Clients(OpenAIOptions(dimensions: 3));

        var result = await clients.Embeddings.GenerateAsync(["first", "second"]);

        result.Select(e => e.Vector.ToArray()).Should().BeEquivalentTo(Vectors, o => o.WithStrictOrdering());
        var request = Server.EmbeddingRequests.Single().Json;
        request.GetProperty("model").GetString().Should().Be("text-embedding-3-small");
        request.GetProperty("dimensions").GetInt32().Should().Be(3);
        request.GetProperty("input").EnumerateArray().Select(e => e.GetString()).Should().Equal("first", "second");
        Usage.GetTotal().InputTokens.Should().Be(11);
    }

    [Fact]
    public async Task GenerateAsync_WrongDimension_ThrowsInvalidMemoryException()
    {
        Server.ReplyEmbeddings([[1f, 2f, 3f, 4f]], base64: true);
        using var clients = Clients(OpenAIOptions(dimensions: 3));

        var act = () => clients.Embeddings.GenerateAsync(["text"]);

        (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(MemoryValidationError.DimensionMismatch);
    }

    [Fact]
    public async Task GenerateAsync_DimensionChangesWithoutConfiguration_ThrowsInvalidMemoryException()
    {
        Server.ReplyEmbeddings([[1f, 2f, 3f]], base64: false);
        Server.ReplyEmbeddings([[1f, 2f]], base64: false);
        using var clients = Clients();

        await clients.Embeddings.GenerateAsync(["one"]);
        var act = () => clients.Embeddings.GenerateAsync(["two"]);

        (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Message.Should().Contain("2-dimensional").And.Contain("3 dimensions");
    }

    [Fact]
    public async Task GenerateAsync_429ThenSuccess_IsRetried()
    {
        Server.ReplyEmbeddingStatus(429, ("retry-after-ms", "50"));
        Server.ReplyEmbeddings([[1f, 0f]], base64: true);
        using var clients = Clients();

        var result = await clients.Embeddings.GenerateAsync(["x"]);

        result.Should().ContainSingle();
        Server.EmbeddingRequests.Should().HaveCount(2);
    }
}
