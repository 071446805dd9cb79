using System.Reflection;
using AgentMemory.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx;

/// <summary>
/// The <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> <c>UseLocalEmbeddings</c> registers: a sentence encoder run
/// in-process on ONNX Runtime. The model loads on first use, once per instance (the container holds one, a singleton);
/// a load that fails is tried again on the next call. Thread-safe; calls run concurrently on the one session.
/// Disposing waits for no one: calls in flight finish, then the session is released; later calls throw
/// <see cref="ObjectDisposedException"/>.
/// </summary>
/// <remarks>
/// Texts are embedded as documents unless the options carry <see cref="EmbeddingPurpose.Query"/> (AgentMemory's recall
/// does), which selects <see cref="LocalEmbeddingOptions.QueryPrefix"/>. A call's texts are sorted by token count and cut
/// into batches of <see cref="LocalEmbeddingOptions.MaxBatchSize"/>, so padding stays small; results keep input order.
/// The work is CPU-bound and runs on the calling thread.
/// </remarks>
internal sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly LocalEmbeddingOptions _options;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string _modelId;
    private readonly Lock _gate = new();
    private SentenceEncoderModel? _model;
    private int _active;
    private bool _disposed;

    public OnnxEmbeddingGenerator(IOptions<LocalEmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var custom = !string.IsNullOrWhiteSpace(_options.ModelPath);
        _modelId = _options.ModelId ?? (custom ? Path.GetFileNameWithoutExtension(_options.ModelPath!) : LocalEmbeddingDefaults.BundledModelId);
        var dimensions = _options.Dimensions ?? (custom ? null : LocalEmbeddingDefaults.BundledDimensions);
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", null, _modelId, dimensions);
    }

    /// <summary>Whether the model has been loaded.</summary>
    public bool IsLoaded
    {
        get
        {
            lock (_gate)
            {
                return _model is not null;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="LocalEmbeddingModelException">The model or vocabulary could not be loaded, or ONNX Runtime failed.</exception>
    /// <exception cref="ObjectDisposedException">The generator was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        if (options?.Dimensions is { } requested && _metadata.DefaultModelDimensions is { } known && requested != known)
        {
            throw new ArgumentException($"{_modelId} produces {known} dimensions, not {requested}.", nameof(options));
        }

        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var model = Enter();
        try
        {
            return Task.FromResult(Generate(model, texts, options, cancellationToken));
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Loads the model now (it otherwise loads on first use).</summary>
    public void EnsureLoaded()
    {
        Enter();
        Exit();
    }

    /// <summary>The token ids the model sees for <paramref name="text"/>, prefixes not applied.</summary>
    public int[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = Enter();
        try
        {
            return model.Tokenize(text);
        }
        finally
        {
            Exit();
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
        => EmbeddingGeneratorServices.Get(this, _metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
        SentenceEncoderModel? release = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_active == 0)
            {
                (release, _model) = (_model, null);
            }
        }

        release?.Dispose();
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(SentenceEncoderModel model, IReadOnlyList<string> texts, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        var prefix = EmbeddingPurpose.Get(options) == EmbeddingPurpose.Query ? _options.QueryPrefix : _options.DocumentPrefix;
        var tokenized = new int[texts.Count][];
        long tokenCount = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i] ?? throw new ArgumentException("The texts must not contain null.", nameof(texts));
            tokenized[i] = model.Tokenize(string.IsNullOrEmpty(prefix) ? text : prefix + text);
            tokenCount += tokenized[i].Length;
        }

        // Similar lengths share a batch, so little of a batch is padding.
        var order = Enumerable.Range(0, texts.Count).ToArray();
        Array.Sort(order, (a, b) => tokenized[a].Length != tokenized[b].Length ? tokenized[a].Length.CompareTo(tokenized[b].Length) : a.CompareTo(b));

        var vectors = new float[texts.Count][];
        var batchSize = _options.MaxBatchSize;
        var batch = new List<int[]>(Math.Min(batchSize, texts.Count));
        var results = new float[Math.Min(batchSize, texts.Count)][];
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, order.Length - start);
            batch.Clear();
            for (var i = 0; i < count; i++)
            {
                batch.Add(tokenized[order[start + i]]);
            }

            model.Encode(batch, results, cancellationToken);
            for (var i = 0; i < count; i++)
            {
                vectors[order[start + i]] = results[i];
            }
        }

        var embeddings = new List<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = _modelId });
        }

        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
    }

    private SentenceEncoderModel Enter()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _model ??= Load();
            _active++;
            return _model;
        }
    }

    private void Exit()
    {
        SentenceEncoderModel? release = null;
        lock (_gate)
        {
            _active--;
            if (_disposed && _active == 0)
            {
                (release, _model) = (_model, null);
            }
        }

        release?.Dispose();
    }

    private SentenceEncoderModel Load()
    {
        if (string.IsNullOrWhiteSpace(_options.ModelPath))
        {
            var assembly = typeof(OnnxEmbeddingGenerator).Assembly;
            using var modelStream = OpenResource(assembly, LocalEmbeddingDefaults.ModelResource);
            using var vocabulary = OpenResource(assembly, LocalEmbeddingDefaults.VocabularyResource);
            return SentenceEncoderModel.Load(ReadAll(modelStream), vocabulary, _options, LocalEmbeddingDefaults.BundledModelId);
        }

        var modelBytes = ReadFile(_options.ModelPath!, "model", static path => File.ReadAllBytes(path));
        using var vocabularyStream = ReadFile(_options.VocabularyPath!, "vocabulary", static path => (Stream)File.OpenRead(path));
        return SentenceEncoderModel.Load(modelBytes, vocabularyStream, _options, _options.ModelPath!);
    }

    private static T ReadFile<T>(string path, string what, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "was not found" : "could not be read";
            throw new LocalEmbeddingModelException($"The local embedding {what} file '{path}' {reason} ({(what == "model" ? nameof(LocalEmbeddingOptions.ModelPath) : nameof(LocalEmbeddingOptions.VocabularyPath))}).", ex)
            {
                Component = "onnx",
                Operation = "load",
                Path = path,
            };
        }
    }

    private static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new LocalEmbeddingModelException($"The bundled model resource {name} is missing from {assembly.GetName().Name}.") { Component = "onnx", Operation = "load" };

    private static byte[] ReadAll(Stream stream)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
