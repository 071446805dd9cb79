using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

/// <summary>Int8 recall, parallel and batched scans against the exact single-threaded scan.</summary>
public sealed class VectorPartitionScaleTests
{
    private const int Dimension = 96;
    private const int Rows = 20_000;

    [Theory]
    [InlineData("clustered")]
    [InlineData("uniform")]
    public void Search_Int8WithRescoring_RecallAt10AtLeast099(string kind)
    {
        var random = new Random(kind.Length);
        var data = Data(random, kind, Rows + 100);
        var exact = Build(data.Take(Rows), new VectorPartitionOptions { ParallelThreshold = int.MaxValue });
        var int8 = Build(data.Take(Rows), new VectorPartitionOptions { Mode = VectorSearchMode.Int8, ParallelThreshold = int.MaxValue });
        int hits = 0, expected = 0;
        var want = new VectorMatch[10];
        var got = new VectorMatch[10];
        foreach (var query in data.Skip(Rows).Select(v => VectorMath.Normalize(v)))
        {
            expected += exact.Search(query, want);
            var found = int8.Search(query, got);
            hits += got.Take(found).Count(m => want.Any(w => w.Id == m.Id && Math.Abs(w.Score - m.Score) <= 1e-5f));
        }

        ((double)hits / expected).Should().BeGreaterThanOrEqualTo(0.99);
        int8.QuantizedBytes.Should().Be(Rows * (96L + 4));
    }

    [Theory]
    [InlineData(nameof(VectorSearchMode.Exact))]
    [InlineData(nameof(VectorSearchMode.Int8))]
    public void Search_Parallel_EqualsSingleThreaded(string modeName)
    {
        var mode = Enum.Parse<VectorSearchMode>(modeName);

        var random = new Random(21);
        var data = Data(random, "clustered", Rows + 20);
        var single = Build(data.Take(Rows), new VectorPartitionOptions { Mode = mode, ParallelThreshold = int.MaxValue });
        var parallel = Build(data.Take(Rows), new VectorPartitionOptions { Mode = mode, ParallelThreshold = 1, MaxDegreeOfParallelism = 4 });
        var evenRows = new Func<Guid, bool>(id => id.ToByteArray()[0] % 2 == 0);
        foreach (var query in data.Skip(Rows).Select(v => VectorMath.Normalize(v)))
        {
            foreach (var filter in new[] { null, evenRows })
            {
                var a = new VectorMatch[10];
                var b = new VectorMatch[10];
                var countA = single.Search(query, a, filter);
                var countB = parallel.Search(query, b, filter);
                if (mode == VectorSearchMode.Exact)
                {
                    b.Take(countB).Should().Equal(a.Take(countA));
                }
                else
                {
                    // Per-worker candidate sets are a superset of the global one, so parallel int8 is at least as good.
                    b.Take(countB).Sum(m => m.Score).Should().BeGreaterThanOrEqualTo(a.Take(countA).Sum(m => m.Score));
                }
            }
        }
    }

    [Theory]
    [InlineData(nameof(VectorSearchMode.Exact))]
    [InlineData(nameof(VectorSearchMode.Int8))]
    public void SearchBatch_SeveralQueries_EqualsOneSearchPerQuery(string modeName)
    {
        var mode = Enum.Parse<VectorSearchMode>(modeName);

        var random = new Random(31);
        var data = Data(random, "uniform", 5_000 + 5);
        var partition = Build(data.Take(5_000), new VectorPartitionOptions { Mode = mode });
        var queries = data.Skip(5_000).Select(v => VectorMath.Normalize(v)).ToArray();
        var results = new VectorMatch[queries.Length * 8];
        var counts = new int[queries.Length];
        partition.SearchBatch(queries.SelectMany(q => q).ToArray(), results, counts);
        for (var q = 0; q < queries.Length; q++)
        {
            var single = new VectorMatch[8];
            var found = partition.Search(queries[q], single);
            results.Skip(q * 8).Take(counts[q]).Should().Equal(single.Take(found));
        }
    }

    [Theory]
    [InlineData(nameof(VectorSearchMode.Exact))]
    [InlineData(nameof(VectorSearchMode.Int8))]
    public void SearchAndSearchBatch_Warm_AllocateNothing(string modeName)
    {
        var mode = Enum.Parse<VectorSearchMode>(modeName);

        var random = new Random(31);
        var partition = Build(Data(random, "uniform", 5_000), new VectorPartitionOptions { Mode = mode, ParallelThreshold = int.MaxValue });
        var queries = Data(random, "uniform", 4).SelectMany(v => VectorMath.Normalize(v)).ToArray();
        var results = new VectorMatch[10];
        var batchResults = new VectorMatch[40];
        var counts = new int[4];
        void SearchOnce()
        {
            partition.Search(queries.AsSpan(0, Dimension), results);
            partition.SearchBatch(queries, batchResults, counts);
        }

        for (var i = 0; i < 50; i++)
        {
            SearchOnce();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            SearchOnce();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void SearchBatch_MismatchedSpans_Throws()
    {
        var partition = new VectorPartition(4);
        var act = () => partition.SearchBatch(new float[7], new VectorMatch[4], new int[2]);
        act.Should().Throw<InvalidMemoryException>();
    }

    private static float[][] Data(Random random, string kind, int rows) => kind == "clustered"
        ? VectorTestData.Clustered(random, rows, Dimension, centres: 50, noise: 0.6f)
        : Enumerable.Range(0, rows).Select(_ => VectorTestData.Uniform(random, Dimension)).ToArray();

    private static VectorPartition Build(IEnumerable<float[]> rows, VectorPartitionOptions options)
    {
        var partition = new VectorPartition(Dimension, options, Rows);
        var row = 0;
        foreach (var vector in rows)
        {
            partition.Upsert(VectorTestData.IdOf(row++), vector);
        }

        return partition;
    }
}
