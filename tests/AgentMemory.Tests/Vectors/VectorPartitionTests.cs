using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

public sealed class VectorPartitionTests
{
    public static TheoryData<int, string> DimensionsAndModes()
    {
        var data = new TheoryData<int, string>();
        foreach (var dimension in new[] { 1, 3, 7, 17, 384, 385 })
        {
            data.Add(dimension, nameof(VectorSearchMode.Exact));
            data.Add(dimension, nameof(VectorSearchMode.Int8));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DimensionsAndModes))]
    public void Search_OddDimensionsAnyK_MatchesScalarReference(int dimension, string modeName)
    {
        var mode = Enum.Parse<VectorSearchMode>(modeName);

        var random = new Random(dimension);
        var rows = Enumerable.Range(0, 150).ToDictionary(VectorTestData.IdOf, _ => VectorTestData.Gaussian(random, dimension));
        var partition = Fill(new VectorPartition(dimension, new VectorPartitionOptions { Mode = mode, RescoreFactor = 50 }), rows);
        foreach (var k in new[] { 0, 1, 10, 149, 150, 151, 400 })
        {
            var query = VectorMath.Normalize(VectorTestData.Gaussian(random, dimension));
            var results = new VectorMatch[k];
            var found = partition.Search(query, results);
            VectorTestData.ShouldMatchReference(results.AsSpan(0, found), VectorTestData.Reference(rows, query), k);
        }
    }

    [Fact]
    public void Search_EqualScores_OrdersByIdDeterministically()
    {
        var partition = new VectorPartition(4);
        var ids = Enumerable.Range(0, 20).Select(VectorTestData.IdOf).Reverse().ToArray();
        foreach (var id in ids)
        {
            partition.Upsert(id, [1, 2, 3, 4]);
        }

        var results = new VectorMatch[5];
        partition.Search(VectorMath.Normalize([1, 2, 3, 4]), results).Should().Be(5);
        results.Select(r => r.Id).Should().Equal(Enumerable.Range(0, 5).Select(VectorTestData.IdOf));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Upsert_NonFinite_ThrowsAndKeepsExistingRow(float bad)
    {
        var partition = new VectorPartition(3, new VectorPartitionOptions { Mode = VectorSearchMode.Int8 });
        var id = Guid.NewGuid();
        partition.Upsert(id, [1, 0, 0]);
        var act = () => partition.Upsert(id, [bad, 1, 0]);
        act.Should().Throw<InvalidMemoryException>().Which.Error.Should().Be(MemoryValidationError.NonFiniteVector);
        partition.GetVector(id).ToArray().Should().Equal(1f, 0f, 0f);
    }

    [Fact]
    public void Upsert_ZeroVector_Throws()
    {
        var act = () => new VectorPartition(3).Upsert(Guid.NewGuid(), [0, 0, 0]);
        act.Should().Throw<InvalidMemoryException>().Which.Error.Should().Be(MemoryValidationError.ZeroVector);
    }

    [Fact]
    public void Search_NonFiniteOrWrongDimensionQuery_Throws()
    {
        var partition = new VectorPartition(3);
        partition.Upsert(Guid.NewGuid(), [1, 0, 0]);
        var nan = () => partition.Search([float.NaN, 0, 0], new VectorMatch[1]);
        var wrong = () => partition.Search([1, 0], new VectorMatch[1]);
        nan.Should().Throw<InvalidMemoryException>().Which.Error.Should().Be(MemoryValidationError.NonFiniteVector);
        wrong.Should().Throw<InvalidMemoryException>().Which.Error.Should().Be(MemoryValidationError.DimensionMismatch);
    }

    [Theory]
    [InlineData(nameof(VectorSearchMode.Exact))]
    [InlineData(nameof(VectorSearchMode.Int8))]
    public void Remove_HalfTheRows_CompactsAndSearchMatchesReference(string modeName)
    {
        var mode = Enum.Parse<VectorSearchMode>(modeName);

        var random = new Random(11);
        var rows = Enumerable.Range(0, 300).ToDictionary(VectorTestData.IdOf, _ => VectorTestData.Gaussian(random, 17));
        var partition = Fill(new VectorPartition(17, new VectorPartitionOptions { Mode = mode }, 4), rows);
        foreach (var id in rows.Keys.Where((_, i) => i % 2 == 0).ToList())
        {
            partition.Remove(id).Should().BeTrue();
            partition.Remove(id).Should().BeFalse();
            rows.Remove(id);
        }

        partition.Count.Should().Be(150);
        partition.QuantizedBytes.Should().Be(mode == VectorSearchMode.Int8 ? 150 * (32 + 4) : 0);
        var query = VectorMath.Normalize(VectorTestData.Gaussian(random, 17));
        var results = new VectorMatch[10];
        var found = partition.Search(query, results);
        VectorTestData.ShouldMatchReference(results.AsSpan(0, found), VectorTestData.Reference(rows, query), 10);
        partition.Clear();
        partition.Search(query, results).Should().Be(0);
    }

    [Theory]
    [InlineData(nameof(VectorSearchMode.Exact), nameof(VectorLayout.Blocked))]
    [InlineData(nameof(VectorSearchMode.Exact), nameof(VectorLayout.RowMajor))]
    [InlineData(nameof(VectorSearchMode.Int8), nameof(VectorLayout.Blocked))]
    public void Remove_RowsAcrossBlocks_EveryRemainingVectorReadsBackNormalised(string modeName, string layoutName)
    {
        var mode = Enum.Parse<VectorSearchMode>(modeName);
        var layout = Enum.Parse<VectorLayout>(layoutName);

        var random = new Random(12);
        var rows = Enumerable.Range(0, 100).ToDictionary(VectorTestData.IdOf, _ => VectorTestData.Gaussian(random, 9));
        var partition = Fill(new VectorPartition(9, new VectorPartitionOptions { Mode = mode, Layout = layout }, 1), rows);
        foreach (var id in rows.Keys.Where((_, i) => i % 3 == 0).ToList())
        {
            partition.Remove(id);
            rows.Remove(id);
            partition.GetVector(id).IsEmpty.Should().BeTrue();
        }

        var copy = new float[9];
        foreach (var (id, vector) in rows)
        {
            partition.GetVector(id).ToArray().Should().Equal(VectorMath.Normalize(vector));
            partition.TryCopyVector(id, copy).Should().BeTrue();
            copy.Should().Equal(VectorMath.Normalize(vector));
        }

        partition.TryCopyVector(Guid.NewGuid(), copy).Should().BeFalse();
        var wrongLength = () => partition.TryCopyVector(rows.Keys.First(), new float[8]);
        wrongLength.Should().Throw<ArgumentException>();

        var query = VectorMath.Normalize(VectorTestData.Gaussian(random, 9));
        var results = new VectorMatch[rows.Count];
        var found = partition.Search(query, results);
        VectorTestData.ShouldMatchReference(results.AsSpan(0, found), VectorTestData.Reference(rows, query), rows.Count);
    }

    [Fact]
    public void Search_WithFilter_ReturnsOnlyIncludedRows()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 500).ToDictionary(VectorTestData.IdOf, _ => VectorTestData.Gaussian(random, 8));
        var partition = Fill(new VectorPartition(8), rows);
        var allowed = rows.Keys.Where((_, i) => i % 3 == 0).ToHashSet();
        var query = VectorMath.Normalize(VectorTestData.Gaussian(random, 8));
        var results = new VectorMatch[7];
        var found = partition.Search(query, results, allowed.Contains);
        var reference = VectorTestData.Reference(rows.Where(p => allowed.Contains(p.Key)).ToDictionary(), query);
        VectorTestData.ShouldMatchReference(results.AsSpan(0, found), reference, 7);
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        var act = () => new VectorPartition(4, new VectorPartitionOptions { RescoreFactor = 0 });
        act.Should().Throw<ArgumentOutOfRangeException>();
        var layout = () => new VectorPartition(4, new VectorPartitionOptions { Layout = (VectorLayout)7 });
        layout.Should().Throw<ArgumentOutOfRangeException>();
    }

    internal static VectorPartition Fill(VectorPartition partition, IReadOnlyDictionary<Guid, float[]> rows)
    {
        foreach (var (id, vector) in rows)
        {
            partition.Upsert(id, vector);
        }

        return partition;
    }
}
