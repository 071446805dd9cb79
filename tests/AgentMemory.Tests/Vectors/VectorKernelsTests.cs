using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

public sealed class VectorKernelsTests
{
    public static TheoryData<int> Dimensions => [1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 384, 385];

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void DotRows_AnyDimensionAndRowCount_MatchesScalarReference(int dimension)
    {
        var random = new Random(dimension);
        for (var rows = 0; rows <= 9; rows++)
        {
            var query = VectorTestData.Gaussian(random, dimension);
            var data = VectorTestData.Gaussian(random, rows * dimension);
            var scores = new float[rows];
            VectorKernels.DotRows(query, data, dimension, scores);
            for (var row = 0; row < rows; row++)
            {
                var expected = VectorKernels.DotScalar(query, data.AsSpan(row * dimension, dimension));
                scores[row].Should().BeApproximately(expected, 1e-4f * (1 + Math.Abs(expected)) * MathF.Sqrt(dimension));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Dot_SingleRow_EqualsBlockedRowScoreExactly(int dimension)
    {
        var random = new Random(100 + dimension);
        var query = VectorTestData.Gaussian(random, dimension);
        var data = VectorTestData.Gaussian(random, 5 * dimension);
        var scores = new float[5];
        VectorKernels.DotRows(query, data, dimension, scores);
        for (var row = 0; row < 5; row++)
        {
            VectorKernels.Dot(query, data.AsSpan(row * dimension, dimension)).Should().Be(scores[row]);
        }
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void DotBlock_AnyDimension_EqualsScalarLanesExactlyAndMatchesRowDots(int dimension)
    {
        var random = new Random(200 + dimension);
        var query = VectorTestData.Gaussian(random, dimension);
        var rows = Enumerable.Range(0, BlockedRows.Rows).Select(_ => VectorTestData.Gaussian(random, dimension)).ToArray();
        var block = new float[BlockedRows.Rows * dimension];
        for (var row = 0; row < rows.Length; row++)
        {
            BlockedRows.Write(block, row, rows[row]);
        }

        var simd = new float[BlockedRows.Rows];
        var scalar = new float[BlockedRows.Rows];
        VectorKernels.DotBlock(query, block, simd);
        VectorKernels.DotBlockScalar(query, block, scalar);
        simd.Should().Equal(scalar);
        for (var row = 0; row < rows.Length; row++)
        {
            var expected = VectorKernels.DotScalar(query, rows[row]);
            simd[row].Should().BeApproximately(expected, 1e-4f * (1 + Math.Abs(expected)) * MathF.Sqrt(dimension));
        }
    }

    [Fact]
    public void DotBlock_BlockOfWrongSize_Throws()
    {
        var act = () => VectorKernels.DotBlock(new float[4], new float[(BlockedRows.Rows * 4) - 1], new float[BlockedRows.Rows]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void DotRows_TooFewRows_Throws()
    {
        var act = () => VectorKernels.DotRows(new float[4], new float[7], 4, new float[2]);
        act.Should().Throw<ArgumentException>();
    }
}
