import type { ClientCapabilities, CompletionItemKind } from "vscode-languageserver-protocol";

/**
 * The capabilities VS Code's YAML extension announces for the features the tests drive, so the
 * server takes the same code paths it takes in the editor: Markdown hover and completion
 * documentation, snippet completions, pulled configuration (`workspace/configuration`) and
 * dynamically registered formatting.
 */
export const VSCODE_CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    codeLens: { refreshSupport: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ["markdown", "plaintext"],
        deprecatedSupport: true,
        preselectSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ["documentation", "detail", "additionalTextEdits"] },
      },
      completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => (i + 1) as CompletionItemKind) },
    },
    hover: { dynamicRegistration: true, contentFormat: ["markdown", "plaintext"] },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: false,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
    formatting: { dynamicRegistration: true },
    codeLens: { dynamicRegistration: true },
    codeAction: { dynamicRegistration: true, isPreferredSupport: true },
  },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } } },
  general: { markdown: { parser: "marked", version: "1.1.0" }, positionEncodings: ["utf-16"] },
};
