using Microsoft.AspNetCore.Http;

namespace AgentMemory.Cli.Ui;

/// <summary>The review page's API. The scope is fixed by the command line; an id is only ever looked up inside it.</summary>
internal static class ReviewEndpoints
{
    public static void Map(WebApplication app, MemoryScope scope)
    {
        app.MapGet("/", () => Results.Text(Page.Value, "text/html; charset=utf-8"));
        app.MapGet("/api/scope", () => Results.Ok(new { scope = scope.Key, tenant = scope.TenantId, user = scope.UserId, agent = scope.AgentId }));

        app.MapGet("/api/memories", async (string? q, IAgentMemory memory, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(q))
            {
                var hits = await memory.RecallAsync(new RecallRequest { Scope = scope, Query = q, TopK = 50 }, ct).ConfigureAwait(false);
                return Results.Ok(hits.Where(h => scope.Contains(h.Record.Scope)).Select(h => ReviewMemory.From(h.Record, h.Score)).ToList());
            }

            var list = new List<ReviewMemory>();
            await foreach (var record in memory.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }, ct).ConfigureAwait(false))
            {
                list.Add(ReviewMemory.From(record));
            }

            return Results.Ok(list.OrderByDescending(m => m.UpdatedAt).ToList());
        });

        app.MapGet("/api/memories/{id:guid}/history", async (Guid id, IAgentMemory memory, CancellationToken ct) =>
        {
            if (await OwnedAsync(memory, scope, id, ct).ConfigureAwait(false) is null)
            {
                return Results.NotFound();
            }

            var history = await memory.GetHistoryAsync(scope, id, ct).ConfigureAwait(false);
            return Results.Ok(history.Select(h => new { h.Version, Change = h.Change.ToString(), h.PreviousText, h.NewText, h.At, h.Reason }));
        });

        app.MapPut("/api/memories/{id:guid}", async (Guid id, ReviewEdit edit, IAgentMemory memory, CancellationToken ct) =>
        {
            if (await OwnedAsync(memory, scope, id, ct).ConfigureAwait(false) is null)
            {
                return Results.NotFound();
            }

            try
            {
                var updated = await memory.UpdateAsync(scope, id, new MemoryUpdate { Text = edit.Text, Topic = edit.Topic }, ct).ConfigureAwait(false);
                return Results.Ok(ReviewMemory.From(updated));
            }
            catch (InvalidMemoryException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });

        app.MapDelete("/api/memories/{id:guid}", async (Guid id, IAgentMemory memory, CancellationToken ct) =>
            await OwnedAsync(memory, scope, id, ct).ConfigureAwait(false) is not null && await memory.DeleteAsync(scope, id, ct).ConfigureAwait(false)
                ? Results.NoContent()
                : Results.NotFound());

        app.MapGet("/api/export", async (IAgentMemory memory, HttpContext http, CancellationToken ct) =>
        {
            http.Response.ContentType = "application/json";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"memories.json\"";
            await memory.ExportAsync(scope, http.Response.Body, ct).ConfigureAwait(false);
        });

        app.MapPost("/api/erase", async (ReviewErase request, IAgentMemory memory, CancellationToken ct) =>
        {
            if (!string.Equals(request.Confirm, "ERASE", StringComparison.Ordinal))
            {
                return Results.BadRequest(new { error = "Type ERASE to confirm." });
            }

            var receipt = await memory.ForgetAsync(scope, ct).ConfigureAwait(false);
            return Results.Ok(new { receipt.Records, receipt.HistoryEntries, receipt.PendingJobs, receipt.QuarantinedItems, receipt.ErasedAt });
        });
    }

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(ReviewEndpoints).Assembly.GetManifestResourceStream("AgentMemory.Cli.Ui.review.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static async Task<MemoryRecord?> OwnedAsync(IAgentMemory memory, MemoryScope scope, Guid id, CancellationToken ct)
    {
        var record = await memory.GetAsync(scope, id, ct).ConfigureAwait(false);
        return record is not null && scope.Contains(record.Scope) ? record : null;
    }
}
