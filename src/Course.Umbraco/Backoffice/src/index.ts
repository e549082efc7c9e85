// The package's backoffice elements; umbraco-package.json names each by its elementName.
export { CourseChaptersPropertyEditorElement } from "./chapters-property-editor.element.js";
export { CourseCommentModerationElement } from "./comment-moderation-dashboard.element.js";
