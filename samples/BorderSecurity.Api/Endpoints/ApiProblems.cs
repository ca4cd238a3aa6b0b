using Microsoft.AspNetCore.Http.HttpResults;

namespace BorderSecurity.Api.Endpoints;

/// <summary>Problem details (RFC 9457) with a <c>field</c> extension naming the parameter, body field or rule at fault.</summary>
public static class ApiProblems
{
    /// <summary>The extension member naming the field, parameter or rule.</summary>
    public const string FieldExtension = "field";

    /// <summary>A problem with the field at fault.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="title">A short, stable summary.</param>
    /// <param name="detail">What was wrong with this request.</param>
    /// <param name="field">The parameter, body field (JSON path) or rule at fault.</param>
    /// <returns>The result.</returns>
    public static ProblemHttpResult Problem(int status, string title, string detail, string field) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { [FieldExtension] = field });

    /// <summary>Writes a problem straight to a response, for middleware that runs outside an endpoint.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="title">A short, stable summary.</param>
    /// <param name="detail">What was wrong with this request.</param>
    /// <param name="field">The parameter or field at fault, or <see langword="null"/>.</param>
    /// <returns>A task that completes once the problem is written.</returns>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? field)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions[FieldExtension] = field;
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
