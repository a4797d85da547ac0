using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Led.Core.Configuration;

/// <summary>
/// Marks the <c>sweep</c> section: a config that has one describes a study of several runs, which the single-run
/// commands (<c>led run</c>, <c>train</c>, <c>validate</c>…) refuse, naming the sweep commands instead. (The binder
/// passes a section even where the config has none, so absence is <see cref="IConfigurationSection.Exists"/> = false.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RunWithSweepCommandAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not IConfigurationSection section || !section.Exists()
            ? ValidationResult.Success
            : new ValidationResult("this config has a sweep section (a study of several runs): run it with `led sweep run <config>` " +
                                   "(`led sweep plan <config>` lists the runs; `led sweep run-one <config> --index N` runs one)",
                [validationContext.MemberName ?? "Sweep"]);
}
