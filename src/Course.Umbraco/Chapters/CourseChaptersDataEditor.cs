using System.ComponentModel.DataAnnotations;
using Course.Core.Chapters;
using Umbraco.Cms.Core.IO;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Validation;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.Serialization;
using Umbraco.Cms.Core.Strings;

namespace Course.Umbraco.Chapters;

/// <summary>
/// The <c>Course chapters</c> property editor's server side: the value is the description as typed (text), and
/// saving is refused while the table of contents breaks a rule, each error naming its line. The backoffice
/// element (<c>Course.PropertyEditorUi.Chapters</c> in umbraco-package.json) names this alias as its schema.
/// </summary>
[DataEditor(Alias, ValueType = ValueTypes.Text, ValueEditorIsReusable = true)]
public sealed class CourseChaptersDataEditor(IDataValueEditorFactory dataValueEditorFactory) : DataEditor(dataValueEditorFactory)
{
    public const string Alias = "Course.Chapters";

    protected override IDataValueEditor CreateValueEditor() =>
        DataValueEditorFactory.Create<CourseChaptersValueEditor>(Attribute!);
}

public sealed class CourseChaptersValueEditor : DataValueEditor
{
    public CourseChaptersValueEditor(IShortStringHelper shortStringHelper, IJsonSerializer jsonSerializer, IIOHelper ioHelper, DataEditorAttribute attribute)
        : base(shortStringHelper, jsonSerializer, ioHelper, attribute) =>
        Validators.Add(new TableOfContentsValidator());
}

/// <summary>The same rules as the Course site's editor: Course.Core's parser, errors block saving, warnings do not.</summary>
public sealed class TableOfContentsValidator : IValueValidator
{
    public IEnumerable<ValidationResult> Validate(object? value, string? valueType, object? dataTypeConfiguration, PropertyValidationContext validationContext) =>
        TableOfContentsParser.Parse(value as string ?? "").Errors.Select(error => new ValidationResult(error.ToString(), ["value"]));
}
