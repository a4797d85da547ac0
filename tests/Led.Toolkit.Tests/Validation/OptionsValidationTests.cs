using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Validation;

namespace Led.Toolkit.Tests.Validation;

public class OptionsValidationTests
{
    [Fact]
    public void ValidOptionsHaveNoErrors()
    {
        Assert.Empty(OptionsValidation.Errors(new WindowOptions()));
        OptionsValidation.ThrowIfInvalid(new WindowOptions(), "Window");
    }

    [Fact]
    public void EveryAttributeFailureIsReported()
    {
        var errors = OptionsValidation.Errors(new WindowOptions { Width = 0, Name = "" });

        Assert.Equal(["width must be positive", "name is required"], errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void CrossFieldRulesStillApplyToThePropertiesTheAttributesPassed()
    {
        var errors = OptionsValidation.Errors(new WindowOptions { Width = 0, Start = 5, End = 2 });

        Assert.Equal(["width must be positive", "start must be before end"], errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void ACrossFieldRuleOnAPropertyWhoseAttributeFailedIsNotReportedTwice()
    {
        var errors = OptionsValidation.Errors(new WindowOptions { Start = -1, End = -2 });

        Assert.Equal(["start must not be negative"], errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void ThrowIfInvalidNamesTheComponentAndListsEveryError()
    {
        var error = Assert.Throws<ArgumentException>(() => OptionsValidation.ThrowIfInvalid(new WindowOptions { Width = -1, Start = 3, End = 1 }, "Window"));

        Assert.Equal("invalid Window options: width must be positive start must be before end", error.Message);
    }

    private sealed class WindowOptions : IValidatableObject
    {
        [Range(1, int.MaxValue, ErrorMessage = "width must be positive")]
        public int Width { get; set; } = 4;

        [Required(AllowEmptyStrings = false, ErrorMessage = "name is required")]
        public string Name { get; set; } = "window";

        [Range(0, int.MaxValue, ErrorMessage = "start must not be negative")]
        public int Start { get; set; }

        public int End { get; set; } = 10;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Start >= End) yield return new ValidationResult("start must be before end", [nameof(Start), nameof(End)]);
        }
    }
}
