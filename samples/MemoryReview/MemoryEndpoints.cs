using System.Security.Claims;
using AgentMemory;

namespace MemoryReview;

/// <summary>
/// The signed-in user's memory API. The scope always comes from the authentication cookie; an id in a request is only
/// ever looked up inside that scope, and a memory is changed only when that user owns it, so editing ids in requests
/// cannot reach another user's memories.
/// </summary>
internal static class MemoryEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();

        api.MapGet("/memories", async (string? q, ClaimsPrincipal user, IAgentMemory memory, MemoryReviewOptions settings, CancellationToken ct) =>
        {
            var scope = MemoryReviewApp.ScopeOf(user, settings);
            var list = new List<MemoryRecord>();
            await foreach (var record in memory.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }, ct).ConfigureAwait(false))
            {
                list.Add(record);
            }

            if (string.IsNullOrWhiteSpace(q))
            {
                return Results.Ok(list.OrderByDescending(r => r.UpdatedAt).Select(r => MemoryDto.From(r)).ToList());
            }

            // Search covers the text (recall: words, stems, and meaning when an embedding model is configured) and the
            // topic (a memory filed under "food" is found by "food" even when its text never says the word).
            var query = q.Trim();
            var hits = await memory.RecallAsync(new RecallRequest { Scope = scope, Query = query, TopK = 50 }, ct).ConfigureAwait(false);
            var found = hits.Where(h => scope.Contains(h.Record.Scope)).Select(h => MemoryDto.From(h.Record, h.Score)).ToList();
            var seen = found.Select(m => m.Id).ToHashSet();
            found.AddRange(list
                .Where(r => !seen.Contains(r.Id) && r.Topic is { } topic && topic.Contains(query, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.UpdatedAt)
                .Select(r => MemoryDto.From(r)));
            return Results.Ok(found);
        });

        api.MapGet("/memories/{id:guid}", async (Guid id, ClaimsPrincipal user, IAgentMemory memory, MemoryReviewOptions settings, CancellationToken ct) =>
        {
            var record = await GetOwnedAsync(memory, MemoryReviewApp.ScopeOf(user, settings), id, ct).ConfigureAwait(false);
            return record is null ? Results.NotFound() : Results.Ok(MemoryDto.From(record));
        });

        api.MapGet("/memories/{id:guid}/history", async (Guid id, ClaimsPrincipal user, IAgentMemory memory, MemoryReviewOptions settings, CancellationToken ct) =>
        {
            var scope = MemoryReviewApp.ScopeOf(user, settings);
            var history = await memory.GetHistoryAsync(scope, id, ct).ConfigureAwait(false);
            var owned = history.Where(h => scope.Contains(h.Scope)).ToList();
            return owned.Count == 0 ? Results.NotFound() : Results.Ok(owned.Select(h => new
            {
                h.Version,
                Change = h.Change.ToString(),
                h.PreviousText,
                h.NewText,
                h.At,
                h.Reason,
            }));
        });

        api.MapPut("/memories/{id:guid}", async (Guid id, EditRequest edit, ClaimsPrincipal user, IAgentMemory memory, MemoryReviewOptions settings, CancellationToken ct) =>
        {
            var scope = MemoryReviewApp.ScopeOf(user, settings);
            if (await GetOwnedAsync(memory, scope, id, ct).ConfigureAwait(false) is null)
            {
                return Results.NotFound();
            }

            try
            {
                var updated = await memory.UpdateAsync(scope, id, new MemoryUpdate { Text = edit.Text, Topic = edit.Topic }, ct).ConfigureAwait(false);
                return Results.Ok(MemoryDto.From(updated));
            }
            catch (InvalidMemoryException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });

        api.MapDelete("/memories/{id:guid}", async (Guid id, ClaimsPrincipal user, IAgentMemory memory, MemoryReviewOptions settings, CancellationToken ct) =>
        {
            var scope = MemoryReviewApp.ScopeOf(user, settings);
            if (await GetOwnedAsync(memory, scope, id, ct).ConfigureAwait(false) is null)
            {
                return Results.NotFound();
            }

            return await memory.DeleteAsync(scope, id, ct).ConfigureAwait(false) ? Results.NoContent() : Results.NotFound();
        });

        api.MapGet("/export", async (ClaimsPrincipal user, IAgentMemory memory, MemoryReviewOptions settings, HttpContext http, CancellationToken ct) =>
        {
            var scope = MemoryReviewApp.ScopeOf(user, settings);
            http.Response.ContentType = "application/json";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"memories-{scope.UserId}.json\"";
            await memory.ExportAsync(scope, http.Response.Body, ct).ConfigureAwait(false);
        });

        api.MapPost("/erase", async (EraseRequest request, ClaimsPrincipal user, IAgentMemory memory, MemoryReviewOptions settings, CancellationToken ct) =>
        {
            if (!string.Equals(request.Confirm, "ERASE", StringComparison.Ordinal))
            {
                return Results.BadRequest(new { error = "Type ERASE to confirm." });
            }

            var receipt = await memory.ForgetAsync(MemoryReviewApp.ScopeOf(user, settings), ct).ConfigureAwait(false);
            return Results.Ok(new { receipt.Records, receipt.HistoryEntries, receipt.PendingJobs, receipt.QuarantinedItems, receipt.ErasedAt });
        });
    }

    private static async Task<MemoryRecord?> GetOwnedAsync(IAgentMemory memory, MemoryScope scope, Guid id, CancellationToken ct)
    {
        var record = await memory.GetAsync(scope, id, ct).ConfigureAwait(false);
        return record is not null && scope.Contains(record.Scope) ? record : null;
    }

    internal sealed record EditRequest(string? Text, string? Topic);

    internal sealed record EraseRequest(string? Confirm);
}
