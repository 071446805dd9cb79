using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

/// <summary>The reusable parallel scan: failures reach the caller, the state is reusable, concurrent readers agree.</summary>
public sealed class ParallelScanTests
{
    private const int Dimension = 32;
    private const int Rows = 12_000;

    [Fact]
    public void Search_FilterThrowsOnAWorker_RethrowsOnCallerAndNextSearchWorks()
    {
        var (single, parallel, queries) = Build();
        var calls = 0;
#pragma warning disable IDE0075 // A filter that throws needs the conditional.
        var failing = new Func<Guid, bool>(_ => Interlocked.Increment(ref calls) < 50 ? true : throw new InvalidOperationException("filter failed"));
#pragma warning restore IDE0075

        var act = () => parallel.Search(queries[0], new VectorMatch[10], failing);

        act.Should().Throw<InvalidOperationException>().WithMessage("filter failed");
        var expected = new VectorMatch[10];
        var actual = new VectorMatch[10];
        single.Search(queries[1], expected);
        parallel.Search(queries[1], actual);
        actual.Should().Equal(expected);
    }

    [Fact]
    public void Search_ConcurrentReadersWithDifferentK_EachEqualsSingleThreaded()
    {
        var (single, parallel, queries) = Build();
        var failures = 0;
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var query = queries[i % queries.Length];
            var k = 1 + (i % 17);
            var expected = new VectorMatch[k];
            var actual = new VectorMatch[k];
            var expectedCount = single.Search(query, expected);
            var actualCount = parallel.Search(query, actual);
            if (expectedCount != actualCount || !expected.AsSpan().SequenceEqual(actual))
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
    }

    private static (VectorPartition Single, VectorPartition Parallel, float[][] Queries) Build()
    {
        var random = new Random(5);
        var single = new VectorPartition(Dimension, new VectorPartitionOptions { ParallelThreshold = int.MaxValue }, Rows);
        var parallel = new VectorPartition(Dimension, new VectorPartitionOptions { ParallelThreshold = 1, MaxDegreeOfParallelism = 3 }, Rows);
        for (var row = 0; row < Rows; row++)
        {
            var vector = Enumerable.Range(0, Dimension).Select(_ => random.NextSingle() - 0.5f).ToArray();
            var id = Guid.NewGuid();
            single.Upsert(id, vector);
            parallel.Upsert(id, vector);
        }

        var queries = Enumerable.Range(0, 8)
            .Select(_ => VectorMath.Normalize(Enumerable.Range(0, Dimension).Select(_ => random.NextSingle() - 0.5f).ToArray()))
            .ToArray();
        return (single, parallel, queries);
    }
}
