namespace Panoptic.Abstractions.Config;

/// <summary>
/// Base of every typed options record: a YAML mapping whose keys are the record's properties in snake_case
/// (<c>NumConv</c> ↔ <c>num_conv</c>, or <see cref="ConfigKeyAttribute"/>). Property initialisers are the defaults;
/// <c>required</c> properties must be set; <c>[Range]</c>, <c>[Length]</c>, <c>[AllowedValues]</c>
/// (System.ComponentModel.DataAnnotations) and <see cref="Validate"/> bound the values.
/// </summary>
/// <remarks>
/// Supported property types: <c>bool</c>, integers, <c>float</c>/<c>double</c>, <c>string</c>, enums, nullable forms of
/// these, nested <see cref="ConfigOptions"/> records, <c>ComponentSpec&lt;T&gt;</c>, and lists
/// (<c>IReadOnlyList&lt;T&gt;</c>, <c>T[]</c>, <c>List&lt;T&gt;</c>) of any of them. A <c>[Range]</c> on a list bounds
/// each element. The record needs a public parameterless constructor.
/// </remarks>
public abstract record ConfigOptions
{
    /// <summary>Cross-field checks run after binding; each violation names its key (snake_case) and what is wrong.</summary>
    public virtual IEnumerable<OptionsViolation> Validate() => [];
}

/// <summary>Options of one component; the component's config node binds to it (besides its <c>name</c>).</summary>
public abstract record ComponentOptions : ConfigOptions;

/// <summary>A failed cross-field check.</summary>
/// <param name="Key">The snake_case key it concerns, relative to the options record.</param>
/// <param name="Message">What is wrong, with the expected value or range.</param>
public sealed record OptionsViolation(string Key, string Message);
