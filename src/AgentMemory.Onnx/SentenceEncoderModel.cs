using System.Numerics.Tensors;
using AgentMemory.Onnx.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace AgentMemory.Onnx;

/// <summary>
/// One loaded sentence encoder: an ONNX Runtime session and its WordPiece tokenizer. Encodes a batch of texts into
/// L2-normalised vectors: tokenize, pad to the batch's longest, run, pool (attention-masked mean or [CLS]), normalise.
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is thread-safe, so one instance serves every caller.
/// </summary>
internal sealed class SentenceEncoderModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly WordPieceEncoder _tokenizer;
    private readonly EmbeddingPooling _pooling;
    private readonly int _maxTokens;
    private readonly string _idsName;
    private readonly string _maskName;
    private readonly string? _typesName;
    private readonly string _outputName;
    private readonly bool _outputIsPooled;

    private SentenceEncoderModel(InferenceSession session, SessionOptions sessionOptions, WordPieceEncoder tokenizer, LocalEmbeddingOptions options)
    {
        _session = session;
        _sessionOptions = sessionOptions;
        _tokenizer = tokenizer;
        _pooling = options.Pooling;
        _maxTokens = options.MaxTokens;

        var inputs = session.InputMetadata;
        _idsName = FindInput(inputs.Keys, "input_ids") ?? throw Invalid("it has no input_ids input");
        _maskName = FindInput(inputs.Keys, "attention_mask") ?? throw Invalid("it has no attention_mask input");
        _typesName = FindInput(inputs.Keys, "token_type_ids");
        foreach (var (name, meta) in inputs)
        {
            if (name != _idsName && name != _maskName && name != _typesName)
            {
                throw Invalid($"it has an input this encoder does not fill ({name})");
            }

            if (meta.ElementType != typeof(long))
            {
                throw Invalid($"its input {name} is not int64");
            }
        }

        // Token vectors [batch, tokens, hidden] (last_hidden_state, token_embeddings) are preferred; an export that
        // already pools ([batch, hidden], sentence_embedding) is used as it is.
        var outputs = session.OutputMetadata;
        var tokenOutput = outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 3 && o.Value.ElementType == typeof(float));
        var pooledOutput = outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 2 && o.Value.ElementType == typeof(float));
        if (tokenOutput.Key is not null)
        {
            _outputName = tokenOutput.Key;
        }
        else if (pooledOutput.Key is not null)
        {
            _outputName = pooledOutput.Key;
            _outputIsPooled = true;
        }
        else
        {
            throw Invalid("it has no float output of shape [batch, tokens, hidden] or [batch, hidden]");
        }

        static LocalEmbeddingModelException Invalid(string why) =>
            new($"The ONNX model is not a usable sentence encoder: {why}.") { Component = "onnx", Operation = "load" };
    }

    /// <summary>Loads a model from <paramref name="model"/> bytes and a vocabulary stream.</summary>
    /// <exception cref="LocalEmbeddingModelException">ONNX Runtime rejected the model, or it lacks the expected inputs and outputs.</exception>
    public static SentenceEncoderModel Load(byte[] model, Stream vocabulary, LocalEmbeddingOptions options, string source)
    {
        WordPieceEncoder tokenizer;
        try
        {
            tokenizer = WordPieceEncoder.Create(vocabulary, options.LowerCase);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IOException)
        {
            throw new LocalEmbeddingModelException($"The vocabulary of {source} could not be read: {ex.Message}", ex) { Component = "onnx", Operation = "load" };
        }

        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };

        // Idle intra-op threads sleep instead of spinning: on a small, shared machine spinning threads take the cores
        // the host's own work (and the caller of the next inference) needs.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        InferenceSession? session = null;
        try
        {
            session = new InferenceSession(model, sessionOptions);
            return new SentenceEncoderModel(session, sessionOptions, tokenizer, options);
        }
        catch (OnnxRuntimeException ex)
        {
            session?.Dispose();
            sessionOptions.Dispose();
            throw new LocalEmbeddingModelException($"ONNX Runtime could not load {source}: {ex.Message}", ex) { Component = "onnx", Operation = "load" };
        }
        catch
        {
            session?.Dispose();
            sessionOptions.Dispose();
            throw;
        }
    }

    /// <summary>Token ids the model would see for <paramref name="text"/> ([CLS] … [SEP], truncated).</summary>
    public int[] Tokenize(string text) => _tokenizer.Encode(text, _maxTokens);

    /// <summary>Encodes already tokenized texts (each [CLS] … [SEP]) as one batch into <paramref name="destination"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the run is terminated).</exception>
    /// <exception cref="LocalEmbeddingModelException">ONNX Runtime failed.</exception>
    public void Encode(IReadOnlyList<int[]> batch, float[][] destination, CancellationToken cancellationToken)
    {
        var rows = batch.Count;
        var width = 0;
        foreach (var ids in batch)
        {
            width = Math.Max(width, ids.Length);
        }

        var idsBuffer = new long[rows * width];
        var maskBuffer = new long[rows * width];
        var padding = _tokenizer.PaddingId;
        for (var r = 0; r < rows; r++)
        {
            var ids = batch[r];
            var row = r * width;
            for (var t = 0; t < width; t++)
            {
                idsBuffer[row + t] = t < ids.Length ? ids[t] : padding;
                maskBuffer[row + t] = t < ids.Length ? 1 : 0;
            }
        }

        long[] shape = [rows, width];
        var names = new List<string>(3) { _idsName, _maskName };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(idsBuffer, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(maskBuffer, shape);
        using var typesValue = _typesName is null ? null : OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        var values = new List<OrtValue>(3) { idsValue, maskValue };
        if (typesValue is not null)
        {
            names.Add(_typesName!);
            values.Add(typesValue);
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> outputs;
        using (cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions))
        {
            try
            {
                outputs = _session.Run(runOptions, names, values, [_outputName]);
            }
            catch (OnnxRuntimeException ex)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new LocalEmbeddingModelException($"ONNX Runtime failed to embed {rows} texts: {ex.Message}", ex) { Component = "onnx", Operation = "embed" };
            }
        }

        using (outputs)
        {
            var output = outputs[0];
            var dims = output.GetTensorTypeAndShape().Shape;
            var data = output.GetTensorDataAsSpan<float>();
            if (_outputIsPooled)
            {
                var hidden = (int)dims[1];
                for (var r = 0; r < rows; r++)
                {
                    destination[r] = Normalize(data.Slice(r * hidden, hidden).ToArray());
                }

                return;
            }

            var tokens = (int)dims[1];
            var size = (int)dims[2];
            for (var r = 0; r < rows; r++)
            {
                var sentence = data.Slice(r * tokens * size, tokens * size);
                var vector = new float[size];
                if (_pooling == EmbeddingPooling.Cls)
                {
                    sentence[..size].CopyTo(vector);
                }
                else
                {
                    var count = batch[r].Length;
                    for (var t = 0; t < count; t++)
                    {
                        TensorPrimitives.Add(vector, sentence.Slice(t * size, size), vector);
                    }

                    TensorPrimitives.Divide(vector, count, vector);
                }

                destination[r] = Normalize(vector);
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, MathF.Max(norm, 1e-12f), vector);
        return vector;
    }

    private static string? FindInput(IEnumerable<string> names, string wanted) =>
        names.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
}
