using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx.Tests;

/// <summary>A model from disk: the bundled files written out, and broken or missing ones.</summary>
[Collection(MiniLMTests.Name)]
public sealed class CustomModelTests(MiniLMModelFixture model) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentmemory-onnx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteResource(string resource, string fileName)
    {
        var path = Path.Combine(_directory, fileName);
        using var source = typeof(OnnxEmbeddingGenerator).Assembly.GetManifestResourceStream(resource)!;
        using var target = File.Create(path);
        source.CopyTo(target);
        return path;
    }

    private static OnnxEmbeddingGenerator Create(Action<LocalEmbeddingOptions> configure)
    {
        var options = new LocalEmbeddingOptions();
        configure(options);
        return new OnnxEmbeddingGenerator(Options.Create(options));
    }

    [Fact]
    public async Task GenerateAsync_ModelFromDisk_MatchesBundledModel()
    {
        var modelPath = WriteResource(LocalEmbeddingDefaults.ModelResource, "model.onnx");
        var vocabPath = WriteResource(LocalEmbeddingDefaults.VocabularyResource, "vocab.txt");
        using var generator = Create(o => { o.ModelPath = modelPath; o.VocabularyPath = vocabPath; });

        var fromDisk = (await generator.GenerateAsync(["a memory about hiking"])).Single();
        var bundled = (await model.Generator.GenerateAsync(["a memory about hiking"])).Single();

        Cosine.Of(fromDisk.Vector.Span, bundled.Vector.Span).Should().BeGreaterThan(0.9999f);
        fromDisk.ModelId.Should().Be("model");
    }

    [Fact]
    public async Task GenerateAsync_ClsPooling_DiffersFromMeanPooling()
    {
        var modelPath = WriteResource(LocalEmbeddingDefaults.ModelResource, "model.onnx");
        var vocabPath = WriteResource(LocalEmbeddingDefaults.VocabularyResource, "vocab.txt");
        using var generator = Create(o => { o.ModelPath = modelPath; o.VocabularyPath = vocabPath; o.Pooling = EmbeddingPooling.Cls; o.ModelId = "minilm-cls"; });

        var cls = (await generator.GenerateAsync(["a memory about hiking"])).Single();
        var mean = (await model.Generator.GenerateAsync(["a memory about hiking"])).Single();

        cls.Vector.Length.Should().Be(384);
        Cosine.Of(cls.Vector.Span, mean.Vector.Span).Should().BeLessThan(0.99f);
        cls.ModelId.Should().Be("minilm-cls");
    }

    [Fact]
    public async Task GenerateAsync_MissingModelFile_ThrowsLocalEmbeddingModelExceptionNamingThePath()
    {
        var vocabPath = WriteResource(LocalEmbeddingDefaults.VocabularyResource, "vocab.txt");
        var missing = Path.Combine(_directory, "nope", "model.onnx");
        using var generator = Create(o => { o.ModelPath = missing; o.VocabularyPath = vocabPath; });

        var act = () => generator.GenerateAsync(["x"]);

        var thrown = await act.Should().ThrowAsync<LocalEmbeddingModelException>();
        thrown.Which.Path.Should().Be(missing);
        thrown.Which.Message.Should().Contain(missing).And.Contain("was not found");
        thrown.Which.InnerException.Should().BeAssignableTo<IOException>();
    }

    [Fact]
    public async Task GenerateAsync_MissingVocabularyFile_ThrowsLocalEmbeddingModelException()
    {
        var modelPath = WriteResource(LocalEmbeddingDefaults.ModelResource, "model.onnx");
        var missing = Path.Combine(_directory, "vocab-missing.txt");
        using var generator = Create(o => { o.ModelPath = modelPath; o.VocabularyPath = missing; });

        var act = () => generator.GenerateAsync(["x"]);

        (await act.Should().ThrowAsync<LocalEmbeddingModelException>()).Which.Path.Should().Be(missing);
    }

    [Fact]
    public async Task GenerateAsync_FileThatIsNotAnOnnxModel_ThrowsLocalEmbeddingModelException()
    {
        var modelPath = Path.Combine(_directory, "garbage.onnx");
        await File.WriteAllTextAsync(modelPath, "this is not a model");
        var vocabPath = WriteResource(LocalEmbeddingDefaults.VocabularyResource, "vocab.txt");
        using var generator = Create(o => { o.ModelPath = modelPath; o.VocabularyPath = vocabPath; });

        var act = () => generator.GenerateAsync(["x"]);

        (await act.Should().ThrowAsync<LocalEmbeddingModelException>()).Which.InnerException.Should().NotBeNull();
    }

    [Fact]
    public async Task GenerateAsync_VocabularyWithoutSpecialTokens_ThrowsLocalEmbeddingModelException()
    {
        var modelPath = WriteResource(LocalEmbeddingDefaults.ModelResource, "model.onnx");
        var vocabPath = Path.Combine(_directory, "vocab.txt");
        await File.WriteAllLinesAsync(vocabPath, ["hello", "world"]);
        using var generator = Create(o => { o.ModelPath = modelPath; o.VocabularyPath = vocabPath; });

        var act = () => generator.GenerateAsync(["x"]);

        await act.Should().ThrowAsync<LocalEmbeddingModelException>();
    }
}
