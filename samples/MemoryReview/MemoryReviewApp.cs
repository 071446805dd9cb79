using System.Security.Claims;
using AgentMemory;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MemoryReview;

/// <summary>Builds the memory review web app: sign-in, the memory API and the single page.</summary>
public static class MemoryReviewApp
{
    /// <summary>The header every state-changing request must carry (a cross-site form cannot set it).</summary>
    public const string CsrfHeader = "X-MemoryReview";

    /// <summary>Creates the app. <paramref name="configure"/> lets tests override settings (database, URLs).</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        configure?.Invoke(builder);
        var settings = builder.Configuration.GetSection("MemoryReview").Get<MemoryReviewOptions>() ?? new MemoryReviewOptions();
        builder.Services.AddSingleton(settings);
        builder.Services
            .AddAgentMemory(builder.Configuration.GetSection(AgentMemoryOptions.SectionName), o => o.Formation.Mode = FormationMode.Inline)
            .UseSqlite(settings.Database);
        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "memoryreview";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !context.Request.Headers.ContainsKey(CsrfHeader))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("Missing the X-MemoryReview header.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        AccountEndpoints.Map(app);
        MemoryEndpoints.Map(app);
        return app;
    }

    /// <summary>The memory scope of the signed-in user: only ever taken from the authentication cookie, never from the request.</summary>
    public static MemoryScope ScopeOf(ClaimsPrincipal user, MemoryReviewOptions settings)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(settings);
        var name = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        return MemoryScope.ForUser(settings.Tenant, name);
    }

    /// <summary>Seeds sample memories for every demo user that has none yet.</summary>
    public static Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
        => SeedData.SeedAsync(services, cancellationToken);
}
