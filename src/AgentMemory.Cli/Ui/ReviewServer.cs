using System.Security.Cryptography;
using AgentMemory.Cli.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace AgentMemory.Cli.Ui;

/// <summary>
/// The memory review page on loopback for one scope: list, search, edit, delete, history, export, erase. A random key
/// in the printed URL sets a same-site, HTTP-only cookie, so other local users and web pages cannot use the API, and
/// every change needs the <c>X-AgentMemory</c> header (which a cross-site form cannot send).
/// </summary>
internal static class ReviewServer
{
    public const string CookieName = "agentmemory-review";
    public const string ChangeHeader = "X-AgentMemory";

    public static async Task<int> RunAsync(CliSettings settings, CliConsole console, int port, CancellationToken cancellationToken)
    {
        settings.RequireExistingFile();
        var scope = settings.Scope;
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddCliMemory(settings, console.Environment);
        var app = builder.Build();
        await using (app.ConfigureAwait(false))
        {
            app.UseMiddleware<LoopbackOriginMiddleware>();
            app.Use(async (context, next) =>
            {
                if (context.Request.Path == "/" && context.Request.Query["key"] == key)
                {
                    context.Response.Cookies.Append(CookieName, key, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
                    context.Response.Redirect("/");
                    return;
                }

                if (!string.Equals(context.Request.Cookies[CookieName], key, StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await context.Response.WriteAsync("Open the URL that 'agentmemory ui' printed.", context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                if (!HttpMethods.IsGet(context.Request.Method) && !context.Request.Headers.ContainsKey(ChangeHeader))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }

                await next(context).ConfigureAwait(false);
            });
            ReviewEndpoints.Map(app, scope);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await console.Output.WriteLineAsync($"Memory review for {scope} at {bound}/?key={key}").ConfigureAwait(false);
            await console.Output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
