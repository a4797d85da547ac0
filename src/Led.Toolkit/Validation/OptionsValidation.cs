using System.ComponentModel.DataAnnotations;

namespace Led.Toolkit.Validation;

/// <summary>
/// The one validation rule for options objects, used by the host for every config section and component's options and
/// by components that refuse invalid options when they are constructed directly (tests, library use): every
/// data-annotation attribute error, together with every <see cref="IValidatableObject"/> error. (The framework's
/// <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/> skips the
/// cross-field rules once an attribute failed.) A cross-field error that names a member whose attribute already failed
/// is left out: that value is reported once, by its attribute.
/// </summary>
public static class OptionsValidation
{
    /// <summary>Every error; empty when the options are valid.</summary>
    public static IReadOnlyList<ValidationResult> Errors(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        var context = new ValidationContext(options);
        // Without attribute errors this has already run the IValidatableObject rules.
        if (Validator.TryValidateObject(options, context, results, validateAllProperties: true) || options is not IValidatableObject validatable)
            return results;
        var reported = results.SelectMany(r => r.MemberNames).ToHashSet(StringComparer.Ordinal);
        results.AddRange(validatable.Validate(context).Where(r => !r.MemberNames.Any(reported.Contains)));
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
