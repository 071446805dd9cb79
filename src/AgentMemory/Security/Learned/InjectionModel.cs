using System.IO.Compression;
using System.Text.RegularExpressions;

namespace AgentMemory.Security.Learned;

/// <summary>
/// A logistic-regression model over <see cref="InjectionFeatures"/>: int8 weights with one scale, and a bias. Immutable
/// once built. The library ships one trained offline (tools/AgentMemory.SecurityTrainer) as an embedded resource.
/// </summary>
internal sealed partial class InjectionModel
{
    /// <summary>A segment shorter than this (in characters) is scored together with the next one.</summary>
    private const int MinSegment = 24;

    private const uint Magic = 0x4A4E4941; // "AINJ"
    private const int Version = 1;
    private const string ResourceName = "AgentMemory.Security.Learned.injection-model.bin";
    private static readonly Lazy<InjectionModel> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly sbyte[] _weights;
    private readonly float _scale;
    private readonly float _bias;

    /// <summary>Creates a model from quantised weights.</summary>
    public InjectionModel(sbyte[] weights, float scale, float bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != InjectionFeatures.Buckets)
        {
            throw new ArgumentException($"Expected {InjectionFeatures.Buckets} weights, got {weights.Length}.", nameof(weights));
        }

        _weights = weights;
        _scale = scale;
        _bias = bias;
    }

    /// <summary>The model shipped with the library.</summary>
    public static InjectionModel Default => Embedded.Value;

    /// <summary>
    /// The probability in [0, 1] that <paramref name="text"/>, coming from <paramref name="source"/>, is an injection: the
    /// highest of the whole text's and of each of its segments' (sentences, lines, markup and JSON fields), so a directive
    /// embedded in an e-mail, a web page or a tool's JSON is judged on its own words, not diluted by the data around it.
    /// </summary>
    public double Score(string text, MemorySource source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 0;
        }

        var features = new List<int>(text.Length * 16);
        InjectionFeatures.Collect(text, source, features);
        var best = Score(features);
        if (text.Length < 2 * MinSegment)
        {
            return best;
        }

        var pending = 0;
        var segments = 0;
        foreach (Match boundary in SegmentBoundary().Matches(text))
        {
            var end = boundary.Index;
            if (end - pending >= MinSegment)
            {
                best = Math.Max(best, ScoreSegment(text.AsSpan(pending, end - pending), source, features));
                segments++;
                pending = boundary.Index + boundary.Length;
            }
        }

        if (segments > 0 && text.Length - pending >= MinSegment / 2)
        {
            best = Math.Max(best, ScoreSegment(text.AsSpan(pending), source, features));
        }

        return best;
    }

    private double ScoreSegment(ReadOnlySpan<char> segment, MemorySource source, List<int> features)
    {
        features.Clear();
        InjectionFeatures.Collect(segment.ToString(), source, features);
        return Score(features);
    }

    /// <summary>The probability for already collected features.</summary>
    public double Score(List<int> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            return Sigmoid(_bias);
        }

        long sum = 0;
        foreach (var f in features)
        {
            sum += f >= 0 ? _weights[f] : -_weights[~f];
        }

        return Sigmoid(_bias + (_scale * sum / MathF.Sqrt(features.Count)));
    }

    /// <summary>Writes the model in the resource format (deflated).</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflate);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(InjectionFeatures.Bits);
        writer.Write(_scale);
        writer.Write(_bias);
        foreach (var w in _weights)
        {
            writer.Write(w);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this version and feature layout.</exception>
    public static InjectionModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(deflate);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version || reader.ReadInt32() != InjectionFeatures.Bits)
        {
            throw new InvalidDataException("Not an injection model of this version and feature layout.");
        }

        var scale = reader.ReadSingle();
        var bias = reader.ReadSingle();
        var weights = new sbyte[InjectionFeatures.Buckets];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSByte();
        }

        return new InjectionModel(weights, scale, bias);
    }

    private static InjectionModel LoadEmbedded()
    {
        using var stream = typeof(InjectionModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the AgentMemory assembly.");
        return Read(stream);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n+|<[^<>]{0,200}>|""\s*[,:}\]]\s*""?|\s[—|-]\s")]
    private static partial Regex SegmentBoundary();
}
