using BorderSecurity.Api.Security;
using Microsoft.Extensions.Options;

namespace BorderSecurity.Api.Endpoints;

/// <summary>
/// The metadata every endpoint carries, so the OpenAPI document states exactly what it can return: use
/// <see cref="AsRead{T}"/> for a question and <see cref="AsWrite{T}"/> for a request that changes the store.
/// </summary>
public static class EndpointConventions
{
    /// <summary>
    /// A question: anonymous by default, the <see cref="ApiPolicies.Read"/> policy (a reader or editor token when
    /// <c>Auth:RequireReaderRole</c> is true); 200 with <typeparamref name="T"/>, 400 problem for a bad or unknown
    /// query parameter, 401/403 problems when reads need a token, and 503 (with <c>Retry-After</c>) when the store
    /// cannot be reached. Every answer carries an <c>ETag</c>; a repeat with <c>If-None-Match</c> gets 304
    /// (<see cref="ConditionalReads"/>); an anonymous client past its limit gets 429 with <c>Retry-After</c>
    /// (<see cref="Limits.AnonymousRateLimits"/>).
    /// </summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="name">The operation id (a generated client's method name).</param>
    /// <param name="summary">One line for the reference page.</param>
    /// <param name="tag">The group on the reference page.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static RouteHandlerBuilder AsRead<T>(this RouteHandlerBuilder builder, string name, string summary, string tag)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Read(builder.Produces<T>(StatusCodes.Status200OK), name, summary, tag);
    }

    /// <summary>
    /// A question whose answer is a document of another media type (for example an Atom feed): everything
    /// <see cref="AsRead{T}"/> states, with the 200 answer a string of <paramref name="contentType"/>.
    /// </summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="name">The operation id (a generated client's method name).</param>
    /// <param name="summary">One line for the reference page.</param>
    /// <param name="tag">The group on the reference page.</param>
    /// <param name="contentType">The answer's media type, for example <c>application/atom+xml</c>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static RouteHandlerBuilder AsRead(this RouteHandlerBuilder builder, string name, string summary, string tag, string contentType)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Read(builder.Produces(StatusCodes.Status200OK, typeof(string), contentType), name, summary, tag);
    }

    private static RouteHandlerBuilder Read(RouteHandlerBuilder builder, string name, string summary, string tag)
    {
        builder.WithName(name).WithSummary(summary).WithTags(tag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(ApiPolicies.Read)
            .AddEndpointFilter<ConditionalReads>();
        builder.Add(endpoint =>
        {
            var auth = endpoint.ApplicationServices.GetRequiredService<IOptions<ApiAuthOptions>>().Value;
            if (auth.RequireReaderRole)
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
            }
        });
        return builder;
    }

    /// <summary>
    /// A write: the <see cref="ApiPolicies.Write"/> policy (an editor token), the optional <c>Idempotency-Key</c> header;
    /// 201 with <typeparamref name="T"/>, and problems for 400 (bad body, parameter or key), 401 (no or bad token), 403
    /// (no editor role), 409 (stale expected version), 413 (body over the limit), 422 (a domain rule broken, or the key
    /// already used for a different request) and 503 (the store cannot be reached; <c>Retry-After</c>).
    /// </summary>
    /// <typeparam name="T">The created response's type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="name">The operation id (a generated client's method name).</param>
    /// <param name="summary">One line for the reference page.</param>
    /// <param name="tag">The group on the reference page.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static RouteHandlerBuilder AsWrite<T>(this RouteHandlerBuilder builder, string name, string summary, string tag)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithName(name).WithSummary(summary).WithTags(tag)
            .Produces<T>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(ApiPolicies.Write);
    }
}
