using AgentMemory.Vectors;
using BenchmarkDotNet.Attributes;

namespace AgentMemory.Benchmarks;

/// <summary>One query against a partition of N normalised 384-float rows, k = 10: exact, int8 + re-scoring, parallel, batched.</summary>
[MemoryDiagnoser]
public class PartitionSearchBenchmarks
{
    private const int Dimension = 384;
    private readonly VectorMatch[] _results = new VectorMatch[10];
    private readonly VectorMatch[] _batchResults = new VectorMatch[40];
    private readonly int[] _counts = new int[4];
    private VectorPartition _exact = null!;
    private VectorPartition _int8 = null!;
    private VectorPartition _parallel = null!;
    private float[] _query = [];
    private float[] _queries = [];

    /// <summary>Rows in the partition.</summary>
    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        _exact = new VectorPartition(Dimension, new VectorPartitionOptions { ParallelThreshold = int.MaxValue }, N);
        _int8 = new VectorPartition(Dimension, new VectorPartitionOptions { Mode = VectorSearchMode.Int8, ParallelThreshold = int.MaxValue }, N);
        _parallel = new VectorPartition(Dimension, new VectorPartitionOptions { ParallelThreshold = 1 }, N);
        var vector = new float[Dimension];
        for (var row = 0; row < N; row++)
        {
            Fill(random, vector);
            var id = ScanCommand.IdOf(row);
            _exact.Upsert(id, vector);
            _int8.Upsert(id, vector);
            _parallel.Upsert(id, vector);
        }

        _queries = new float[4 * Dimension];
        for (var q = 0; q < 4; q++)
        {
            Fill(random, vector);
            VectorMath.Normalize(vector, _queries.AsSpan(q * Dimension, Dimension));
        }

        _query = _queries[..Dimension];
    }

    [Benchmark(Baseline = true)]
    public int Exact() => _exact.Search(_query, _results);

    [Benchmark]
    public int Int8Rescored() => _int8.Search(_query, _results);

    [Benchmark]
    public int ExactParallel() => _parallel.Search(_query, _results);

    [Benchmark]
    public int ExactFourQueriesOneByOne()
    {
        var total = 0;
        for (var q = 0; q < 4; q++)
        {
            total += _exact.Search(_queries.AsSpan(q * Dimension, Dimension), _results);
        }

        return total;
    }

    [Benchmark]
    public void ExactFourQueriesBatched() => _exact.SearchBatch(_queries, _batchResults, _counts);

    private static void Fill(Random random, float[] vector)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (random.NextSingle() * 2f) - 1f;
        }
    }
}
