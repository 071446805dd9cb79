using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

public sealed class BlockedRowsTests
{
    [Fact]
    public void WriteThenRead_RowsInSeveralBlocks_RoundTripWithoutTouchingNeighbours()
    {
        const int Dimension = 5;
        var data = new float[3 * BlockedRows.Rows * Dimension];
        var rows = Enumerable.Range(0, 3 * BlockedRows.Rows).Select(r => Enumerable.Range(0, Dimension).Select(d => (r * 10f) + d + 1).ToArray()).ToArray();
        for (var row = 0; row < rows.Length; row++)
        {
            BlockedRows.Write(data, row, rows[row]);
        }

        var copy = new float[Dimension];
        for (var row = 0; row < rows.Length; row++)
        {
            BlockedRows.Read(data, row, copy);
            copy.Should().Equal(rows[row]);
        }

        // Dimension-major inside a block: row 1's first value follows row 0's.
        data[1].Should().Be(rows[1][0]);
        data[BlockedRows.Rows].Should().Be(rows[0][1]);
    }

    [Fact]
    public void Move_LastRowIntoAHole_CopiesItAndZeroesTheSource()
    {
        const int Dimension = 3;
        var data = new float[2 * BlockedRows.Rows * Dimension];
        BlockedRows.Write(data, 2, [1f, 2f, 3f]);
        BlockedRows.Write(data, 40, [4f, 5f, 6f]);

        BlockedRows.Move(data, from: 40, to: 2, Dimension);

        var copy = new float[Dimension];
        BlockedRows.Read(data, 2, copy);
        copy.Should().Equal(4f, 5f, 6f);
        BlockedRows.Read(data, 40, copy);
        copy.Should().Equal(0f, 0f, 0f);
        data.Count(v => v != 0f).Should().Be(3);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 32)]
    [InlineData(32, 32)]
    [InlineData(33, 64)]
    public void RoundUp_Rows_ToWholeBlocks(int rows, int expected)
        => BlockedRows.RoundUp(rows).Should().Be(expected);
}
