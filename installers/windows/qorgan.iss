; Inno Setup 6 script for Qorgan on Windows 10/11 (64-bit). Build on Windows after `pyinstaller`:
;   iscc /DAppVersion=0.1.0 installers\windows\qorgan.iss      -> dist\Qorgan-0.1.0-setup.exe
; Silent home install:      Qorgan-setup.exe /VERYSILENT /SUPPRESSMSGBOXES [/CHILDREN="aruzhan=S-1-5-21-...-1001"]
; Silent school install:    ... /POLICY="\\server\lab\school.json" /PUBLICKEY="base64key" [/URL="https://..."]
; /CHILDREN is optional and only starts the tray at each named child's sign-in; the service
; gives each account a parent names in the console its proxy port, proxy settings and firewall
; rules itself (and takes them away again), so children added later need no second run.
; Uninstall asks for the parent's PIN (qorgan-service uninstall --authorise-only) first.
; NOT YET VERIFIED on a real Windows machine: see docs/windows.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5B0E7C1A-2F4D-4E8B-9C3A-7D1E6F2A9B40}
AppName=Qorgan
AppVersion={#AppVersion}
AppPublisher=Qorgan project
AppPublisherURL=https://github.com/qorgan/qorgan
DefaultDirName={autopf}\Qorgan
DefaultGroupName=Qorgan
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Qorgan-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Qorgan
SetupLogging=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Files]
Source: "..\..\dist\qorgan-service\*"; DestDir: "{app}\service"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\dist\qorgan-gui\*"; DestDir: "{app}\gui"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The service's data: SYSTEM and Administrators only.
Name: "{commonappdata}\Qorgan"; Permissions: system-full admins-full

[Icons]
Name: "{group}\Qorgan"; Filename: "{app}\gui\qorgan-console.exe"
Name: "{autodesktop}\Qorgan"; Filename: "{app}\gui\qorgan-console.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
; A school lab: the signed policy is in force before the service first starts.
Filename: "{app}\service\qorgan.exe"; Parameters: "--data-dir ""{commonappdata}\Qorgan"" school install --policy ""{param:POLICY}"" --public-key ""{param:PUBLICKEY}"" {code:UrlOption}"; Flags: runhidden waituntilterminated; Check: IsSchoolInstall; StatusMsg: "Importing the school policy..."
; Service (sc.exe), CA trust, and the tray's autostart for each child named in /CHILDREN.
Filename: "{app}\service\qorgan-service.exe"; Parameters: "windows-setup setup {code:ChildOptions}"; Flags: runhidden waituntilterminated; StatusMsg: "Setting up protection..."
Filename: "{app}\gui\qorgan-console.exe"; Description: "Open Qorgan"; Flags: postinstall nowait skipifsilent

[UninstallRun]
Filename: "{app}\service\qorgan-service.exe"; Parameters: "windows-setup remove --data-dir ""{commonappdata}\Qorgan"" {code:ChildOptions}"; Flags: runhidden waituntilterminated; RunOnceId: "QorganRemove"

[UninstallDelete]
Type: filesandordirs; Name: "{commonappdata}\Qorgan"
Type: filesandordirs; Name: "{app}"

[Code]
function IsSchoolInstall: Boolean;
begin
  Result := ExpandConstant('{param:POLICY}') <> '';
end;

function UrlOption(Param: String): String;
begin
  Result := '';
  if ExpandConstant('{param:URL}') <> '' then
    Result := '--url "' + ExpandConstant('{param:URL}') + '"';
end;

function ChildOptions(Param: String): String;
var
  Children: String;
  Item: String;
  Cut: Integer;
begin
  { /CHILDREN="name=SID,name=SID" becomes --child name=SID --child name=SID }
  Result := '';
  Children := ExpandConstant('{param:CHILDREN}');
  while Children <> '' do
  begin
    Cut := Pos(',', Children);
    if Cut = 0 then
    begin
      Item := Children;
      Children := '';
    end else begin
      Item := Copy(Children, 1, Cut - 1);
      Delete(Children, 1, Cut);
    end;
    if Trim(Item) <> '' then
      Result := Result + ' --child "' + Trim(Item) + '"';
  end;
end;

function InitializeUninstall: Boolean;
var
  ResultCode: Integer;
begin
  { The parent's PIN before anything is removed; qorgan-service asks in its own window. }
  Result := True;
  if FileExists(ExpandConstant('{app}\service\qorgan-service.exe')) then
  begin
    if not Exec(ExpandConstant('{app}\service\qorgan-service.exe'),
                'uninstall --authorise-only --data-dir "' + ExpandConstant('{commonappdata}\Qorgan') + '"',
                '', SW_SHOW, ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
    begin
      MsgBox('Qorgan was not removed: the parent''s PIN is needed.', mbError, MB_OK);
      Result := False;
    end;
  end;
end;
