using System.Text.Json;
using BorderSecurity.Api.Demo;
using BorderSecurity.Api.Health;
using BorderSecurity.Api.Limits;
using BorderSecurity.Api.OpenApi;
using BorderSecurity.Api.Security;
using BorderSecurity.Domain.Serialization;
using Scalar.AspNetCore;

namespace BorderSecurity.Api.Hosting;

/// <summary>
/// Everything the service adds around its endpoints: the store (in memory, or Marten when
/// <c>ConnectionStrings:Marten</c> is set), JSON, problem details, JWT authentication and the read/write policies,
/// health checks, the OpenAPI document and its reference page, request limits and the demo seed; 503 problem details
/// when the store cannot be reached (<see cref="StoreUnavailableHandler"/>).
/// </summary>
public static class BorderSecurityApiHosting
{
    /// <summary>Registers the service's dependencies from configuration.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static WebApplicationBuilder AddBorderSecurityApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);

        // One line picks the store; the endpoints only know IBorderSecurityStore.
        var connectionString = builder.Configuration.GetConnectionString("Marten");
        if (connectionString is { Length: > 0 })
        {
            builder.Services.AddBorderSecurity().UseMarten(connectionString);
        }
        else
        {
            builder.Services.AddBorderSecurity();
        }

        builder.AddApiAuthentication();
        builder.Services.AddApiHealthChecks(connectionString);
        builder.AddApiTelemetry(onMarten: connectionString is { Length: > 0 });
        builder.Services.AddApiOpenApi();
        builder.AddRequestLimits();
        builder.AddAnonymousRateLimits();
        builder.Services.AddReferenceTimelineSeed(builder.Configuration);
        return builder;
    }

    /// <summary>Adds the middleware, in order, and the OpenAPI document and reference page.</summary>
    /// <param name="app">The application.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static WebApplication UseBorderSecurityApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("BorderSecurity API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }

    /// <summary>The service's JSON: the timeline format's converters (ISO dates and instants, money as numbers, enums as strings), camelCase.</summary>
    /// <param name="options">The options to change.</param>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var converter in TimelineFile.JsonOptions.Converters)
        {
            options.Converters.Add(converter);
        }

        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    }
}
