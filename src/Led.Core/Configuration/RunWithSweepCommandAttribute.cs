using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Led.Core.Configuration;

/// <summary>
/// Marks the <c>sweep</c> section: a config that has one describes a study of several runs, which a single run refuses. (The binder
/// passes a section even where the config has none, so absence is <see cref="IConfigurationSection.Exists"/> = false.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RunWithSweepCommandAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not IConfigurationSection section || !section.Exists()
            ? ValidationResult.Success
            : new ValidationResult("this config has a sweep section (a study of several runs), which a single run does not take: " +
                                   "run it as a study, or remove the section",
                [validationContext.MemberName ?? "Sweep"]);
}
