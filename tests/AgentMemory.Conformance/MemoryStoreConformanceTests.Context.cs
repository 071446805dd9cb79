namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task SearchAsync_WordOnlyInContext_FindsTheMemory_BelowOneThatSaysIt()
    {
        var answer = await Store.AddAsync(MemoryRecordFactory.Create(User(), "They're called Peruvian lilies, so bright", MemoryRecordFactory.Axis(Dim, 0)) with
        {
            Context = "What kind of flowers do you take care of?",
        });
        var says = await Store.AddAsync(MemoryRecordFactory.Create(User(), "Flowers make the balcony look alive", MemoryRecordFactory.Axis(Dim, 1)));
        await Store.AddAsync(MemoryRecordFactory.Create(User(), "The weather was awful all week", MemoryRecordFactory.Axis(Dim, 2)));

        var result = await Store.SearchAsync(new MemorySearchRequest { Scope = User(), Text = "flowers", Limit = 10 });

        result.LexicalMatches.Select(m => m.Record.Id).Should().Equal(says.Id, answer.Id);
        result.LexicalMatches[1].Record.Context.Should().Be("What kind of flowers do you take care of?");
    }

    [Fact]
    public virtual async Task UpdateAsync_NewContext_ReplacesTheOldInSearch()
    {
        var created = await Store.AddAsync(MemoryRecordFactory.Create(User(), "Booked the table for eight", MemoryRecordFactory.Axis(Dim, 0)) with
        {
            Context = "Which restaurant did you pick?",
        });

        await Store.UpdateAsync(created with { Context = "How many guests are coming?" });

        (await Store.SearchAsync(new MemorySearchRequest { Scope = User(), Text = "restaurant" })).LexicalMatches.Should().BeEmpty();
        (await Store.SearchAsync(new MemorySearchRequest { Scope = User(), Text = "guests" })).LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(created.Id);
    }

    [Fact]
    public virtual async Task AddAsync_ContextOverTheTextLimit_IsRejectedBeforeAnythingIsWritten()
    {
        var record = MemoryRecordFactory.Create(User(), "short text", MemoryRecordFactory.Axis(Dim, 0)) with { Context = new string('x', 100_000) };

        var act = () => Store.AddAsync(record);

        (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(MemoryValidationError.TextTooLong);
        (await Store.GetAsync(User(), record.Id)).Should().BeNull();
    }
}
