using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx.Tests;

[Collection(MiniLMTests.Name)]
public sealed class OnnxEmbeddingGeneratorTests(MiniLMModelFixture model)
{
    private static OnnxEmbeddingGenerator Create(Action<LocalEmbeddingOptions>? configure = null)
    {
        var options = new LocalEmbeddingOptions();
        configure?.Invoke(options);
        return new OnnxEmbeddingGenerator(Options.Create(options));
    }

    [Fact]
    public async Task GenerateAsync_OneText_Returns384DimensionalUnitVector()
    {
        var generated = await model.Generator.GenerateAsync(["The user is vegetarian."]);

        var vector = generated.Single().Vector.Span;
        vector.Length.Should().Be(384);
        System.Numerics.Tensors.TensorPrimitives.Norm(vector).Should().BeApproximately(1f, 1e-4f);
        generated.Single().ModelId.Should().Be("sentence-transformers/all-MiniLM-L6-v2");
        generated.Usage!.InputTokenCount.Should().Be(7);
    }

    [Fact]
    public void GetService_Metadata_Declares384DimensionsBeforeLoading()
    {
        using var generator = Create();

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        metadata!.DefaultModelDimensions.Should().Be(384);
        generator.IsLoaded.Should().BeFalse();
    }

    [Fact]
    public async Task GenerateAsync_Paraphrase_IsClearlyCloserThanUnrelatedText()
    {
        var v = await model.Generator.GenerateAsync(["I'm allergic to peanuts", "any food restrictions?", "The meeting moved to Thursday at noon."]);

        var paraphrase = Cosine.Of(v[0].Vector.Span, v[1].Vector.Span);
        var unrelated = Cosine.Of(v[2].Vector.Span, v[1].Vector.Span);

        paraphrase.Should().BeGreaterThan(unrelated + 0.1f);
    }

    [Fact]
    public async Task GenerateAsync_SmallBatchesOfMixedLengths_KeepInputOrderAndEqualSingleCalls()
    {
        using var generator = Create(o => o.MaxBatchSize = 2);
        string[] texts = ["short", "a much longer sentence about the weather in Lisbon during the spring", "mid length text here", "x", "another one"];

        var batched = await generator.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = (await model.Generator.GenerateAsync([texts[i]])).Single();
            Cosine.Of(batched[i].Vector.Span, single.Vector.Span).Should().BeGreaterThan(0.9999f, texts[i]);
        }
    }

    [Fact]
    public async Task GenerateAsync_QueryPurposeWithPrefix_EmbedsPrefixedQueryAndPlainDocument()
    {
        using var generator = Create(o => { o.QueryPrefix = "query: "; o.DocumentPrefix = "passage: "; });
        const string text = "where does the user live";

        var query = (await generator.GenerateAsync([text], EmbeddingPurpose.CreateOptions(EmbeddingPurpose.Query))).Single();
        var document = (await generator.GenerateAsync([text])).Single();
        var expectedQuery = (await model.Generator.GenerateAsync(["query: " + text])).Single();
        var expectedDocument = (await model.Generator.GenerateAsync(["passage: " + text])).Single();

        Cosine.Of(query.Vector.Span, expectedQuery.Vector.Span).Should().BeGreaterThan(0.9999f);
        Cosine.Of(document.Vector.Span, expectedDocument.Vector.Span).Should().BeGreaterThan(0.9999f);
        Cosine.Of(query.Vector.Span, document.Vector.Span).Should().BeLessThan(0.999f);
    }

    [Fact]
    public void Tokenize_LongTextWithSmallMaxTokens_TruncatesAndEndsWithSep()
    {
        using var generator = Create(o => o.MaxTokens = 16);

        var ids = generator.Tokenize(string.Join(' ', Enumerable.Repeat("memory", 100)));

        ids.Should().HaveCount(16);
        ids[0].Should().Be(101);
        ids[^1].Should().Be(102);
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = () => model.Generator.GenerateAsync(["text"], cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task GenerateAsync_CancelledDuringLongRun_ThrowsOperationCanceledPromptly()
    {
        using var generator = Create(o => o.MaxBatchSize = 64);
        var texts = Enumerable.Repeat(string.Join(' ', Enumerable.Repeat("a long sentence about many things", 60)), 512).ToArray();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var act = () => Task.Run(() => generator.GenerateAsync(texts, cancellationToken: cts.Token));

        await act.Should().ThrowAsync<OperationCanceledException>();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "512 texts of 256 tokens take far longer than that to embed");
    }

    [Fact]
    public async Task GenerateAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var generator = Create();
        await generator.GenerateAsync(["load it"]);
        generator.Dispose();
        generator.Dispose();

        var act = () => generator.GenerateAsync(["again"]);

        await act.Should().ThrowAsync<ObjectDisposedException>();
        generator.IsLoaded.Should().BeFalse();
    }

    [Fact]
    public async Task Dispose_WhileCallsAreInFlight_LetsThemFinish()
    {
        var generator = Create();
        generator.EnsureLoaded();
        var texts = Enumerable.Repeat("a sentence of ordinary length for the model to embed", 64).ToArray();
        var calls = Enumerable.Range(0, 4).Select(_ => Task.Run(() => generator.GenerateAsync(texts))).ToArray();
        await Task.Delay(20);

        generator.Dispose();

        foreach (var call in calls)
        {
            try
            {
                (await call).Should().HaveCount(64);
            }
            catch (ObjectDisposedException)
            {
                // A call that started after Dispose is refused; one already running finishes.
            }
        }

        generator.IsLoaded.Should().BeFalse();
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCallers_GetTheSameVectorsAsSequentialCalls()
    {
        string[] texts = ["I drive a 2015 Honda Civic.", "What car do I have?", "Café au lait", "東京は日本の首都です。", "def f(x): return x"];
        var expected = await model.Generator.GenerateAsync(texts);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => model.Generator.GenerateAsync([texts[i % texts.Length]]))));

        for (var i = 0; i < results.Length; i++)
        {
            Cosine.Of(results[i].Single().Vector.Span, expected[i % texts.Length].Vector.Span).Should().BeGreaterThan(0.9999f);
        }
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentFirstCalls_LoadTheModelOnce()
    {
        using var generator = Create();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => generator.GenerateAsync(["hello"]))));

        results.Should().AllSatisfy(r => r.Single().Vector.Length.Should().Be(384));
        generator.IsLoaded.Should().BeTrue();
    }

    [Fact]
    public async Task GenerateAsync_RequestedOtherDimensions_ThrowsArgumentException()
    {
        var act = () => model.Generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 768 });

        await act.Should().ThrowAsync<ArgumentException>();
    }
}
