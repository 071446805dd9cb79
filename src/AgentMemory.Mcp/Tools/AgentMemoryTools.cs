using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentMemory.Mcp.Tools;

/// <summary>
/// The memory tools. Each call works in the scope the <see cref="IMcpMemoryScopeResolver"/> binds from configuration
/// and the authenticated caller; no tool takes a scope, and an id is only ever looked up inside that scope, so a model
/// cannot reach another user's memories by guessing ids. Results are compact JSON.
/// </summary>
[McpServerToolType]
internal sealed class AgentMemoryTools
{
    private const string SaveDescription =
        "Saves one long-term memory about the user, kept across conversations. Use it when the user states a durable fact "
        + "or preference (\"I'm vegetarian\"), an event worth remembering (give occurred_on), or a standing instruction about "
        + "how to work with them (kind 'procedural'). Write ONE self-contained statement in the third person (\"The user is "
        + "vegetarian\"), not a transcript. Do not save small talk, secrets or passwords. A near-duplicate of an existing "
        + "memory updates it instead of adding another. Returns the memory's id.";

    private const string SearchDescription =
        "Searches the long-term memory about the user for facts, preferences, past events and working instructions relevant "
        + "to a question, best match first. Call it before answering anything that may depend on earlier conversations "
        + "(\"what do I usually…\", \"remember when…\", personal recommendations). Phrase the query as what you want to know.";

    private const string ListDescription =
        "Lists the memories kept about the user, most recently changed first, optionally only one topic or kind. Use it when "
        + "the user asks what you remember about them; use memory_search to answer a question.";

    private const string GetDescription =
        "Shows one memory in full by id (from memory_search or memory_list): its details and the history of its changes.";

    private const string UpdateDescription =
        "Changes a memory by id when the user corrects or refines it (\"actually I moved to Lyon\"). Pass the complete new "
        + "text (not a diff), and/or a new topic or importance. The old version is kept in the memory's history.";

    private const string DeleteDescription =
        "Deletes one memory by id when the user asks you to forget it or it is no longer true.";

    private const string ForgetTopicDescription =
        "Forgets everything about a topic: deletes every memory whose topic is the given one or whose text mentions it as a "
        + "word or phrase (case-insensitive). Use it when the user says \"forget everything about X\". Call it with "
        + "preview=true first to see what would go, then again without preview to delete.";

    private readonly IAgentMemory _memory;
    private readonly IMcpMemoryScopeResolver _scopes;
    private readonly AgentMemoryMcpOptions _options;

    public AgentMemoryTools(IAgentMemory memory, IMcpMemoryScopeResolver scopes, IOptions<AgentMemoryMcpOptions> options)
    {
        _memory = memory;
        _scopes = scopes;
        _options = options.Value;
    }

    [McpServerTool(Name = "memory_save", Title = "Save a memory", Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description(SaveDescription)]
    public async Task<McpToolStatus> SaveAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("The memory: one self-contained statement in the third person.")] string text,
        [Description("'semantic' for facts and preferences (default), 'episodic' for events, 'procedural' for how the user wants you to work (the server keeps a standing instruction saved through this tool as a fact: only the user's own words and the host set instructions).")] string kind = "semantic",
        [Description("A short topic, e.g. 'food', 'family', 'travel', 'formatting'.")] string? topic = null,
        [Description("How much it matters, 0 to 1 (default 0.5).")] double importance = 0.5,
        [Description("For events: the date it happened, yyyy-MM-dd.")] string? occurred_on = null,
        [Description("When the memory stops being true, yyyy-MM-dd (e.g. a temporary situation).")] string? expires_on = null,
        CancellationToken cancellationToken = default)
    {
        var scope = ScopeOf(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new McpToolStatus("invalid", Message: "text is empty.");
        }

        if (!TryParseKind(kind, out var memoryKind))
        {
            return new McpToolStatus("invalid", Message: "kind must be 'semantic', 'episodic' or 'procedural'.");
        }

        if (!TryParseDate(occurred_on, out var occurred) || !TryParseDate(expires_on, out var expires))
        {
            return new McpToolStatus("invalid", Message: "Dates are yyyy-MM-dd.");
        }

        var candidate = new MemoryCandidate
        {
            Kind = memoryKind,
            Text = text.Trim(),
            Topic = Clean(topic),
            Importance = double.IsFinite(importance) ? Math.Clamp(importance, 0, 1) : 0.5,
            OccurredAt = occurred,
            ExpiresAt = expires,
            Provenance = new MemoryProvenance(MemorySource.Assistant, Reference: "mcp:memory_save"),
        };
        try
        {
            var outcome = await _memory.SaveAsync(scope, candidate, cancellationToken).ConfigureAwait(false);
            var id = outcome.Record?.Id.ToString();
            return outcome.Kind switch
            {
                FormationOutcomeKind.Blocked => new McpToolStatus("blocked", Message: "Not saved: a safety check flagged it (e.g. it reads as an instruction or holds a secret)."),
                FormationOutcomeKind.Unchanged => new McpToolStatus("unchanged", id, "Already remembered."),
                FormationOutcomeKind.Updated or FormationOutcomeKind.Superseded => new McpToolStatus("ok", id, "Updated an existing memory on the same subject."),
                _ => new McpToolStatus("ok", id),
            };
        }
        catch (InvalidMemoryException ex)
        {
            return new McpToolStatus("invalid", Message: ex.Message);
        }
    }

    [McpServerTool(Name = "memory_search", Title = "Search memories", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(SearchDescription)]
    public async Task<IReadOnlyList<McpMemoryItem>> SearchAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("What to look for, in natural language.")] string query,
        [Description("How many memories to return (default 5).")] int limit = 5,
        [Description("Only this kind: semantic, episodic or procedural.")] string? kind = null,
        [Description("Only this topic.")] string? topic = null,
        CancellationToken cancellationToken = default)
    {
        var scope = ScopeOf(context);
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var request = new RecallRequest
        {
            Scope = scope,
            Query = query.Trim(),
            TopK = Math.Clamp(limit, 1, _options.MaxResults),
            Filter = FilterOf(kind, topic),
        };
        var hits = await _memory.RecallAsync(request, cancellationToken).ConfigureAwait(false);
        return hits.Select(h => ItemOf(scope, h.Record, Math.Round(h.Score, 3))).ToList();
    }

    [McpServerTool(Name = "memory_list", Title = "List memories", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(ListDescription)]
    public async Task<McpMemoryPage> ListAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("Only this topic.")] string? topic = null,
        [Description("Only this kind: semantic, episodic or procedural.")] string? kind = null,
        [Description("How many to return (default 20).")] int limit = 20,
        [Description("How many to skip, for the next page.")] int offset = 0,
        CancellationToken cancellationToken = default)
    {
        var scope = ScopeOf(context);
        var all = new List<MemoryRecord>();
        await foreach (var record in _memory.ListAsync(scope, new MemoryListOptions { Filter = FilterOf(kind, topic) }, cancellationToken).ConfigureAwait(false))
        {
            all.Add(record);
        }

        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 1, _options.MaxResults);
        var page = all.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Skip(offset).Take(limit).Select(r => ItemOf(scope, r)).ToList();
        return new McpMemoryPage(all.Count, page, offset + page.Count < all.Count ? offset + page.Count : null);
    }

    [McpServerTool(Name = "memory_get", Title = "Show a memory", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description(GetDescription)]
    public async Task<object> GetAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("The memory's id.")] string id,
        CancellationToken cancellationToken = default)
    {
        var scope = ScopeOf(context);
        var (record, failure) = await FindAsync(scope, id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return failure!;
        }

        var history = await _memory.GetHistoryAsync(scope, record.Id, cancellationToken).ConfigureAwait(false);
        return new McpMemoryDetails(
            record.Id.ToString(),
            record.Text,
            KindName(record.Kind),
            record.Topic,
            Math.Round(record.Importance, 2),
            record.Provenance.Source.ToString().ToLowerInvariant(),
            Timestamp(record.CreatedAt),
            Timestamp(record.UpdatedAt),
            record.OccurredAt is { } o ? Timestamp(o) : null,
            record.ExpiresAt is { } e ? Timestamp(e) : null,
            record.Version,
            scope.Contains(record.Scope) ? null : true,
            history.Select(h => new McpHistoryItem(h.Version, h.Change.ToString(), h.NewText ?? h.PreviousText, Timestamp(h.At))).ToList());
    }

    [McpServerTool(Name = "memory_update", Title = "Correct a memory", Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description(UpdateDescription)]
    public async Task<McpToolStatus> UpdateAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("The memory's id.")] string id,
        [Description("The complete new text.")] string? text = null,
        [Description("A new topic.")] string? topic = null,
        [Description("A new importance, 0 to 1.")] double? importance = null,
        CancellationToken cancellationToken = default)
    {
        var scope = ScopeOf(context);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            return new McpToolStatus("invalid", id, "text is empty.");
        }

        if (text is null && topic is null && importance is null)
        {
            return new McpToolStatus("invalid", id, "Give text, topic or importance.");
        }

        var (record, failure) = await FindOwnedAsync(scope, id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return failure!;
        }

        try
        {
            var update = new MemoryUpdate
            {
                Text = text?.Trim(),
                Topic = Clean(topic),
                Importance = importance is { } i && double.IsFinite(i) ? Math.Clamp(i, 0, 1) : null,
            };
            var updated = await _memory.UpdateAsync(scope, record.Id, update, cancellationToken).ConfigureAwait(false);
            return new McpToolStatus("ok", updated.Id.ToString());
        }
        catch (MemoryNotFoundException)
        {
            return new McpToolStatus("not_found", id);
        }
        catch (InvalidMemoryException ex)
        {
            return new McpToolStatus("invalid", id, ex.Message);
        }
    }

    [McpServerTool(Name = "memory_delete", Title = "Delete a memory", Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description(DeleteDescription)]
    public async Task<McpToolStatus> DeleteAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("The memory's id.")] string id,
        CancellationToken cancellationToken = default)
    {
        var scope = ScopeOf(context);
        var (record, failure) = await FindOwnedAsync(scope, id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return failure!;
        }

        return await _memory.DeleteAsync(scope, record.Id, cancellationToken).ConfigureAwait(false)
            ? new McpToolStatus("ok", id)
            : new McpToolStatus("not_found", id);
    }

    [McpServerTool(Name = "memory_forget_topic", Title = "Forget a topic", Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description(ForgetTopicDescription)]
    public async Task<McpForgetResult> ForgetTopicAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("The topic, person, place or thing to forget, e.g. 'my ex', 'Project Falcon', 'health'.")] string topic,
        [Description("true: only show what would be deleted.")] bool preview = false,
        CancellationToken cancellationToken = default)
    {
        var scope = ScopeOf(context);
        var about = Clean(topic);
        if (about is null)
        {
            return new McpForgetResult("invalid", 0, [], "topic is empty.");
        }

        var mentions = new Regex(@"(?<!\w)" + Regex.Escape(about) + @"(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var matches = new List<MemoryRecord>();
        var more = false;
        var options = new MemoryListOptions { Match = ScopeMatch.Within };
        await foreach (var record in _memory.ListAsync(scope, options, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(record.Topic, about, StringComparison.OrdinalIgnoreCase) || mentions.IsMatch(record.Text))
            {
                if (matches.Count == _options.MaxForget)
                {
                    more = true;
                    break;
                }

                matches.Add(record);
            }
        }

        var items = matches.Select(r => ItemOf(scope, r)).ToList();
        var note = more ? $"More than {_options.MaxForget} match; call again to continue." : null;
        if (preview)
        {
            return new McpForgetResult("preview", 0, items, note ?? (items.Count == 0 ? "Nothing matches." : null));
        }

        var deleted = 0;
        foreach (var record in matches)
        {
            if (await _memory.DeleteAsync(scope, record.Id, cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return new McpForgetResult("ok", deleted, items, note);
    }

    private MemoryScope ScopeOf(RequestContext<CallToolRequestParams> context)
    {
        try
        {
            return _scopes.Resolve(context.User);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new McpException(ex.Message, ex);
        }
    }

    /// <summary>The memory <paramref name="id"/> names, if <paramref name="scope"/> sees it; else why not ("invalid", "not_found").</summary>
    private async Task<(MemoryRecord? Record, McpToolStatus? Failure)> FindAsync(MemoryScope scope, string? id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id?.Trim(), out var memoryId))
        {
            return (null, new McpToolStatus("invalid", id, "Not a memory id: use an id from memory_search or memory_list."));
        }

        var record = await _memory.GetAsync(scope, memoryId, cancellationToken).ConfigureAwait(false);
        return record is null ? (null, new McpToolStatus("not_found", id)) : (record, null);
    }

    /// <summary>As <see cref="FindAsync"/>, for a memory this user's session may change: one shared more broadly is "read_only".</summary>
    private async Task<(MemoryRecord? Record, McpToolStatus? Failure)> FindOwnedAsync(MemoryScope scope, string? id, CancellationToken cancellationToken)
    {
        var (record, failure) = await FindAsync(scope, id, cancellationToken).ConfigureAwait(false);

        // Visible but broader (shared with the whole tenant or agent): readable here, never changed from a user's session.
        return record is null || scope.Contains(record.Scope)
            ? (record, failure)
            : (null, new McpToolStatus("read_only", id, "This memory is shared beyond this user and cannot be changed here."));
    }

    private static McpMemoryItem ItemOf(MemoryScope scope, MemoryRecord record, double? score = null) => new(
        record.Id.ToString(),
        record.Text,
        KindName(record.Kind),
        record.Topic,
        (record.OccurredAt ?? record.UpdatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        score,
        scope.Contains(record.Scope) ? null : true);

    private static MemoryFilter FilterOf(string? kind, string? topic)
    {
        var filter = MemoryFilter.None;
        if (TryParseKind(kind, out var k) && !string.IsNullOrWhiteSpace(kind))
        {
            filter = filter with { Kinds = new HashSet<MemoryKind> { k } };
        }

        return Clean(topic) is { } t ? filter with { Topic = t } : filter;
    }

    private static bool TryParseKind(string? kind, out MemoryKind value)
    {
        value = MemoryKind.Semantic;
        return string.IsNullOrWhiteSpace(kind)
            || (Enum.TryParse(kind.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsDigit(kind.Trim()[0]));
    }

    private static bool TryParseDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string KindName(MemoryKind kind) => kind.ToString().ToLowerInvariant();

    private static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
