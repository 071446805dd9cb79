namespace AgentMemory.Conformance;

/// <summary>Metadata any-of and creation/update time ranges: the same semantics in listings and both kinds of search.</summary>
public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task ListAndSearch_MetadataAnyOf_KeepOnlyMemoriesWithOneOfTheValues()
    {
        await AddWithMetadataAsync("kiwi from crm", "src", "crm");
        await AddWithMetadataAsync("kiwi from email", "src", "email");
        await AddWithMetadataAsync("kiwi from chat", "src", "chat");
        await AddWithMetadataAsync("kiwi from CRM upper", "src", "CRM");
        await AddWithMetadataAsync("kiwi without source", "other", "crm");
        var filter = new MemoryFilter
        {
            MetadataAnyOf = new Dictionary<string, IReadOnlySet<string>> { ["src"] = new HashSet<string> { "crm", "email" } },
        };

        var listed = await ListAsync(User(), filter: filter);
        var found = await SearchAsync(User(), axis: 0, text: "kiwi", filter: filter);

        string[] expected = ["kiwi from crm", "kiwi from email"];
        listed.Select(r => r.Text).Should().BeEquivalentTo(expected);
        found.VectorMatches.Select(m => m.Record.Text).Should().BeEquivalentTo(expected);
        found.LexicalMatches.Select(m => m.Record.Text).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public virtual async Task ListAsync_MetadataAnyOfEmptySet_MatchesNothing()
    {
        await AddWithMetadataAsync("kiwi from crm", "src", "crm");

        var listed = await ListAsync(User(), filter: new MemoryFilter { MetadataAnyOf = new Dictionary<string, IReadOnlySet<string>> { ["src"] = new HashSet<string>() } });

        listed.Should().BeEmpty();
    }

    [Fact]
    public virtual async Task ListAndSearch_CreatedAndUpdatedRanges_BoundTheMemories()
    {
        var first = await AddAsync(User(), "kiwi first", 0);
        Time.Advance(TimeSpan.FromHours(1));
        var second = await AddAsync(User(), "kiwi second", 0);
        Time.Advance(TimeSpan.FromHours(1));
        var third = await AddAsync(User(), "kiwi third", 0);
        Time.Advance(TimeSpan.FromHours(1));
        var stored = await Store.GetAsync(User(), first.Id);
        await Store.UpdateAsync(stored! with { Text = "kiwi first changed", UpdatedAt = Time.GetUtcNow() });

        var created = new MemoryFilter { CreatedAfter = Start.AddHours(1), CreatedBefore = Start.AddHours(2) };
        var updated = new MemoryFilter { UpdatedAfter = Start.AddHours(2) };
        var updatedBefore = new MemoryFilter { UpdatedBefore = Start.AddHours(2) };

        (await ListAsync(User(), filter: created)).Select(r => r.Id).Should().Equal(second.Id);
        (await SearchAsync(User(), axis: 0, text: "kiwi", filter: created)).VectorMatches.Select(m => m.Record.Id).Should().Equal(second.Id);
        (await SearchAsync(User(), text: "kiwi", filter: created)).LexicalMatches.Select(m => m.Record.Id).Should().Equal(second.Id);
        (await ListAsync(User(), filter: updated)).Select(r => r.Id).Should().Equal(first.Id, third.Id);
        (await SearchAsync(User(), text: "kiwi", filter: updated)).LexicalMatches.Select(m => m.Record.Id).Should().BeEquivalentTo([first.Id, third.Id]);
        (await ListAsync(User(), filter: updatedBefore)).Select(r => r.Id).Should().Equal(second.Id);
    }

    private Task<MemoryRecord> AddWithMetadataAsync(string text, string key, string value)
        => Store.AddAsync(MemoryRecordFactory.Create(User(), text, MemoryRecordFactory.Axis(Dim, 0)) with { Metadata = new Dictionary<string, string> { [key] = value } });
}
