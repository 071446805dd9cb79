using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace AgentMemory.Extensions.AI;

/// <summary>
/// Memory as tools, for agents that manage their own memory: search, save, update and delete, bound to ONE scope at
/// creation so a model can never reach another user's memories. Memories are shown to the model with short ids
/// ("m1", "m2", …) rather than GUIDs; update and delete accept only ids this toolset handed out.
/// </summary>
public sealed class MemoryToolset
{
    private readonly IAgentMemory _memory;
    private readonly MemoryScope _scope;
    private readonly ConcurrentDictionary<string, Guid> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Guid, string> _shortIds = new();
    private int _next;

    /// <summary>Creates the tools for <paramref name="scope"/>.</summary>
    public MemoryToolset(IAgentMemory memory, MemoryScope scope)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(scope);
        _memory = memory;
        _scope = scope;
        Functions =
        [
            AIFunctionFactory.Create(SearchAsync, "memory_search", "Searches the long-term memory about the current user for facts, preferences, past events and working instructions relevant to a query. Call it before answering questions that may depend on what the user told you in earlier conversations. Returns memories with short ids (m1, m2, …)."),
            AIFunctionFactory.Create(SaveAsync, "memory_save", "Saves one new long-term memory about the current user. Use it for durable facts (\"The user is vegetarian\"), preferences, important events (with their date) and standing instructions about how to work (kind 'procedural'). Write one self-contained statement in the third person; do not save small talk or secrets."),
            AIFunctionFactory.Create(UpdateAsync, "memory_update", "Replaces the text of an existing memory found by memory_search, when the user corrects or refines it. Pass the short id (e.g. m2) and the complete new text."),
            AIFunctionFactory.Create(DeleteAsync, "memory_delete", "Deletes a memory found by memory_search when the user asks to forget it or it is no longer true. Pass the short id (e.g. m2)."),
        ];
    }

    /// <summary>The four tools, ready for <c>ChatOptions.Tools</c>.</summary>
    public IReadOnlyList<AIFunction> Functions { get; }

    [Description("Searches memory.")]
    private async Task<IReadOnlyList<MemoryToolHit>> SearchAsync(
        [Description("What to look for, in natural language.")] string query,
        [Description("How many memories to return (1-20).")] int limit = 5,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var hits = await _memory.RecallAsync(new RecallRequest { Scope = _scope, Query = query, TopK = Math.Clamp(limit, 1, 20) }, cancellationToken).ConfigureAwait(false);
        return hits.Select(h => new MemoryToolHit(
            ShortId(h.Record.Id),
            h.Record.Text,
            h.Record.Kind.ToString().ToLowerInvariant(),
            h.Record.Topic,
            (h.Record.OccurredAt ?? h.Record.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Math.Round(h.Score, 4))).ToList();
    }

    private async Task<MemoryToolResult> SaveAsync(
        [Description("The memory: one self-contained statement in the third person.")] string text,
        [Description("'semantic' for facts and preferences, 'episodic' for events, 'procedural' for how the user wants you to work.")] string kind = "semantic",
        [Description("A short topic or task type, e.g. 'food', 'formatting', 'travel'.")] string? topic = null,
        [Description("How important it is, from 0 to 1.")] double importance = 0.5,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MemoryToolResult("invalid", Message: "The text is empty.");
        }

        if (!Enum.TryParse<MemoryKind>(kind, ignoreCase: true, out var memoryKind) || !Enum.IsDefined(memoryKind))
        {
            return new MemoryToolResult("invalid", Message: "kind must be 'semantic', 'episodic' or 'procedural'.");
        }

        var candidate = new MemoryCandidate
        {
            Kind = memoryKind,
            Text = text.Trim(),
            Topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim(),
            Importance = double.IsFinite(importance) ? Math.Clamp(importance, 0, 1) : 0.5,
            Provenance = new MemoryProvenance(MemorySource.Assistant, Reference: "tool:memory_save"),
        };
        try
        {
            var outcome = await _memory.SaveAsync(_scope, candidate, cancellationToken).ConfigureAwait(false);
            return outcome.Kind switch
            {
                FormationOutcomeKind.Blocked => new MemoryToolResult("blocked", Message: "The memory was not saved: it was flagged by a safety check."),
                FormationOutcomeKind.Unchanged => new MemoryToolResult("unchanged", outcome.Record is null ? null : ShortId(outcome.Record.Id), "This is already remembered."),
                _ => new MemoryToolResult("ok", outcome.Record is null ? null : ShortId(outcome.Record.Id)),
            };
        }
        catch (InvalidMemoryException ex)
        {
            return new MemoryToolResult("invalid", Message: ex.Message);
        }
    }

    private async Task<MemoryToolResult> UpdateAsync(
        [Description("The short id from memory_search, e.g. m2.")] string id,
        [Description("The complete new text of the memory.")] string text,
        CancellationToken cancellationToken = default)
    {
        if (!_ids.TryGetValue(id?.Trim() ?? string.Empty, out var memoryId))
        {
            return new MemoryToolResult("not_found", id, "Unknown id: use an id returned by memory_search.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new MemoryToolResult("invalid", id, "The text is empty.");
        }

        try
        {
            await _memory.UpdateAsync(_scope, memoryId, new MemoryUpdate { Text = text.Trim() }, cancellationToken).ConfigureAwait(false);
            return new MemoryToolResult("ok", id);
        }
        catch (MemoryNotFoundException)
        {
            return new MemoryToolResult("not_found", id, "That memory no longer exists.");
        }
        catch (InvalidMemoryException ex)
        {
            return new MemoryToolResult("invalid", id, ex.Message);
        }
    }

    private async Task<MemoryToolResult> DeleteAsync(
        [Description("The short id from memory_search, e.g. m2.")] string id,
        CancellationToken cancellationToken = default)
    {
        if (!_ids.TryGetValue(id?.Trim() ?? string.Empty, out var memoryId))
        {
            return new MemoryToolResult("not_found", id, "Unknown id: use an id returned by memory_search.");
        }

        var deleted = await _memory.DeleteAsync(_scope, memoryId, cancellationToken).ConfigureAwait(false);
        return deleted ? new MemoryToolResult("ok", id) : new MemoryToolResult("not_found", id, "That memory no longer exists.");
    }

    private string ShortId(Guid id) => _shortIds.GetOrAdd(id, key =>
    {
        var shortId = "m" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        _ids[shortId] = key;
        return shortId;
    });
}
