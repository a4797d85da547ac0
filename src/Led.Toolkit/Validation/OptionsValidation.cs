using System.ComponentModel.DataAnnotations;

namespace Led.Toolkit.Validation;

/// <summary>
/// Validates an options object the way the host does at start-up — data-annotation attributes and, for the properties
/// they passed, <see cref="IValidatableObject"/> rules — so a component can also refuse invalid options when it is
/// constructed directly (tests, library use).
/// </summary>
public static class OptionsValidation
{
    /// <summary>Every error; empty when the options are valid.</summary>
    public static IReadOnlyList<ValidationResult> Errors(object options)
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(options);
        Validator.TryValidateObject(options, context, results, validateAllProperties: true);
        // TryValidateObject skips IValidatableObject once an attribute failed; the cross-field rules still apply to
        // the properties the attributes passed.
        if (results.Count > 0 && options is IValidatableObject validatable)
        {
            var reported = results.SelectMany(r => r.MemberNames).ToHashSet();
            results.AddRange(validatable.Validate(context).Where(r => !r.MemberNames.Any(reported.Contains)));
        }
        return results;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(object options, string component)
    {
        var errors = Errors(options);
        if (errors.Count > 0)
            throw new ArgumentException($"invalid {component} options: " + string.Join(" ", errors.Select(e => e.ErrorMessage)));
    }
}
