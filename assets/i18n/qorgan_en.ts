<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>What Qorgan does</source>
        <translation>What Qorgan does</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>the names of sites you open (not the pages, searches or what you type)</source>
        <translation>the names of sites you open (not the pages, searches or what you type)</translation>
    </message>
    <message>
        <source>which sites were blocked, and why</source>
        <translation>which sites were blocked, and why</translation>
    </message>
    <message>
        <source>how long you use each app every day</source>
        <translation>how long you use each app every day</translation>
    </message>
    <message>
        <source>your requests for more time or for a site, and the answers</source>
        <translation>your requests for more time or for a site, and the answers</translation>
    </message>
    <message>
        <source>what you write in messages or chats</source>
        <translation>what you write in messages or chats</translation>
    </message>
    <message>
        <source>your passwords or what you type</source>
        <translation>your passwords or what you type</translation>
    </message>
    <message>
        <source>screenshots or the contents of pages</source>
        <translation>screenshots or the contents of pages</translation>
    </message>
    <message>
        <source>sending anything to the internet: it all stays on this PC</source>
        <translation>sending anything to the internet: it all stays on this PC</translation>
    </message>
    <message>
        <source>Qorgan is on</source>
        <translation>Qorgan is on</translation>
    </message>
    <message>
        <source>Your parent set up Qorgan on this computer to keep you safe online and to help with screen time.</source>
        <translation>Your parent set up Qorgan on this computer to keep you safe online and to help with screen time.</translation>
    </message>
    <message>
        <source>What it records:</source>
        <translation>What it records:</translation>
    </message>
    <message>
        <source>What it never records or does:</source>
        <translation>What it never records or does:</translation>
    </message>
    <message>
        <source>Records are deleted after 90 days or sooner, as your parent set.</source>
        <translation>Records are deleted after 90 days or sooner, as your parent set.</translation>
    </message>
    <message>
        <source>If something online scares or upsets you, tell an adult you trust, or call 150: the helpline for children, free and open day and night.</source>
        <translation>If something online scares or upsets you, tell an adult you trust, or call 150: the helpline for children, free and open day and night.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>All children</source>
        <translation>All children</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Blocked only</source>
        <translation>Blocked only</translation>
    </message>
    <message>
        <source>Allowed only</source>
        <translation>Allowed only</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Filter by site</source>
        <translation>Filter by site</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Allow for 1 hour</source>
        <translation>Allow for 1 hour</translation>
    </message>
    <message>
        <source>Always allow</source>
        <translation>Always allow</translation>
    </message>
    <message>
        <source>Choose a row to see why it was decided that way.</source>
        <translation>Choose a row to see why it was decided that way.</translation>
    </message>
    <message>
        <source>This block cannot be lifted by a parent.</source>
        <translation>This block cannot be lifted by a parent.</translation>
    </message>
    <message>
        <source>{host} is allowed for {child} for one hour.</source>
        <translation>{host} is allowed for {child} for one hour.</translation>
    </message>
    <message>
        <source>{host} is now always allowed for {child}.</source>
        <translation>{host} is now always allowed for {child}.</translation>
    </message>
</context>
<context>
    <name>AddChildDialog</name>
    <message>
        <source>Add a child</source>
        <translation>Add a child</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Talk with your child calmly and without blame, and listen more than you speak. If you are worried, call 150, the free helpline for children and youth (24/7).</source>
        <translation>Talk with your child calmly and without blame, and listen more than you speak. If you are worried, call 150, the free helpline for children and youth (24/7).</translation>
    </message>
    <message>
        <source>Stay calm: children often land on such pages by accident. If someone sent your child such material or asked for photos, call 150 and the police on 102.</source>
        <translation>Stay calm: children often land on such pages by accident. If someone sent your child such material or asked for photos, call 150 and the police on 102.</translation>
    </message>
    <message>
        <source>Ask whom your child talks to online and agree on simple rules. If an adult pressures your child, it is not the child&apos;s fault: call 102 and 150.</source>
        <translation>Ask whom your child talks to online and agree on simple rules. If an adult pressures your child, it is not the child&apos;s fault: call 102 and 150.</translation>
    </message>
    <message>
        <source>Ask what your child wanted to open: a rule may feel too strict. Explain that the rules are there to keep them safe, not to spy on them.</source>
        <translation>Ask what your child wanted to open: a rule may feel too strict. Explain that the rules are there to keep them safe, not to spy on them.</translation>
    </message>
    <message>
        <source>Qorgan counts time on its own clock, so the limits still hold. Agree on a fair daily allowance together.</source>
        <translation>Qorgan counts time on its own clock, so the limits still hold. Agree on a fair daily allowance together.</translation>
    </message>
    <message>
        <source>Check that your child&apos;s account is not an administrator and that nobody else knows the parent PIN.</source>
        <translation>Check that your child&apos;s account is not an administrator and that nobody else knows the parent PIN.</translation>
    </message>
    <message>
        <source>{child}: {kind}</source>
        <translation>{child}: {kind}</translation>
    </message>
    <message>
        <source>Also not seen yet: {count}</source>
        <translation>Also not seen yet: {count}</translation>
    </message>
</context>
<context>
    <name>AllDataBox</name>
    <message>
        <source>All data</source>
        <translation>All data</translation>
    </message>
    <message>
        <source>Export all data…</source>
        <translation>Export all data…</translation>
    </message>
    <message>
        <source>Delete all data…</source>
        <translation>Delete all data…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>All children, rules and history are deleted.</source>
        <translation>All children, rules and history are deleted.</translation>
    </message>
    <message>
        <source>Export all data</source>
        <translation>Export all data</translation>
    </message>
    <message>
        <source>Delete all data</source>
        <translation>Delete all data</translation>
    </message>
    <message>
        <source>This deletes every child, rule, setting and record. Enter the PIN to confirm:</source>
        <translation>This deletes every child, rule, setting and record. Enter the PIN to confirm:</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Delete everything</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AppsPage</name>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Choose an app</source>
        <translation>Choose an app</translation>
    </message>
    <message>
        <source>program name, e.g. minecraft-launcher</source>
        <translation>program name, e.g. minecraft-launcher</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Give a daily budget</source>
        <translation>Give a daily budget</translation>
    </message>
    <message>
        <source>Does not count (learning)</source>
        <translation>Does not count (learning)</translation>
    </message>
    <message>
        <source>Running now (click to choose):</source>
        <translation>Running now (click to choose):</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Blocked apps</source>
        <translation>Blocked apps</translation>
    </message>
    <message>
        <source>Daily budgets</source>
        <translation>Daily budgets</translation>
    </message>
    <message>
        <source>Do not count towards the time</source>
        <translation>Do not count towards the time</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Minutes a day</source>
        <translation>Minutes a day</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Type or choose the app&apos;s program name first.</source>
        <translation>Type or choose the app&apos;s program name first.</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <source>Ask for more time</source>
        <translation>Ask for more time</translation>
    </message>
    <message>
        <source>How much</source>
        <translation>How much</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Why (optional)</translation>
    </message>
    <message>
        <source>for example: to finish my homework</source>
        <translation>for example: to finish my homework</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sent. A parent will answer soon.</source>
        <translation>Sent. A parent will answer soon.</translation>
    </message>
</context>
<context>
    <name>CategoryGrid</name>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Class {age_class}</source>
        <translation>Class {age_class}</translation>
    </message>
    <message>
        <source>For this child</source>
        <translation>For this child</translation>
    </message>
    <message>
        <source>as the class</source>
        <translation>as the class</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>allow</translation>
    </message>
    <message>
        <source>block</source>
        <translation>block</translation>
    </message>
    <message>
        <source>Always blocked for everyone; no one can allow it.</source>
        <translation>Always blocked for everyone; no one can allow it.</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>allowed</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Protection check</source>
        <translation>Protection check</translation>
    </message>
</context>
<context>
    <name>ChildCard</name>
    <message>
        <source>Time today</source>
        <translation>Time today</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Recent blocks</source>
        <translation>Recent blocks</translation>
    </message>
    <message>
        <source>{count} waiting for you</source>
        <translation>{count} waiting for you</translation>
    </message>
    <message>
        <source>none waiting</source>
        <translation>none waiting</translation>
    </message>
    <message>
        <source>{count} not seen yet</source>
        <translation>{count} not seen yet</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>nothing blocked today</source>
        <translation>nothing blocked today</translation>
    </message>
    <message>
        <source>not tracked yet: screen time is not running in this service</source>
        <translation>not tracked yet: screen time is not running in this service</translation>
    </message>
    <message>
        <source>{used} (no daily limit)</source>
        <translation>{used} (no daily limit)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>{used} of {limit}</source>
        <translation>{used} of {limit}</translation>
    </message>
</context>
<context>
    <name>ChildEditingPage</name>
    <message>
        <source>Child:</source>
        <translation>Child:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>Saved. The filter applies it within seconds.</source>
        <translation>Saved. The filter applies it within seconds.</translation>
    </message>
</context>
<context>
    <name>ChildEditorPage</name>
    <message>
        <source>Child and web rules</source>
        <translation>Child and web rules</translation>
    </message>
    <message>
        <source>Add a child…</source>
        <translation>Add a child…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>About the child</source>
        <translation>About the child</translation>
    </message>
    <message>
        <source>Age class</source>
        <translation>Age class</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>SafeSearch</source>
        <translation>SafeSearch</translation>
    </message>
    <message>
        <source>Only sites on the allow list (whitelist-only)</source>
        <translation>Only sites on the allow list (whitelist-only)</translation>
    </message>
    <message>
        <source>For young children and exams: every site not on the allow list is blocked.</source>
        <translation>For young children and exams: every site not on the allow list is blocked.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Always allow</source>
        <translation>Always allow</translation>
    </message>
    <message>
        <source>Always block</source>
        <translation>Always block</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderate</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>strict</translation>
    </message>
    <message>
        <source>as the class ({level})</source>
        <translation>as the class ({level})</translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation>Enter the child&apos;s name.</translation>
    </message>
    <message>
        <source>There is already a child called {name}.</source>
        <translation>There is already a child called {name}.</translation>
    </message>
    <message>
        <source>Remove {name}? Their rules are deleted; their account is no longer filtered.</source>
        <translation>Remove {name}? Their rules are deleted; their account is no longer filtered.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Age class</source>
        <translation>Age class</translation>
    </message>
    <message>
        <source>OS account</source>
        <translation>OS account</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>for example, Aruzhan</source>
        <translation>for example, Aruzhan</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>the account the child signs in with</source>
        <translation>the account the child signs in with</translation>
    </message>
    <message>
        <source>Proposed from the birth year (Law 169-VI); you may choose another class.</source>
        <translation>Proposed from the birth year (Law 169-VI); you may choose another class.</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Children</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Add each child who uses this PC. The birth year proposes the age class of Law 169-VI; pick the account the child signs in with.</source>
        <translation>Add each child who uses this PC. The birth year proposes the age class of Law 169-VI; pick the account the child signs in with.</translation>
    </message>
    <message>
        <source>Add this child</source>
        <translation>Add this child</translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation>Enter the child&apos;s name.</translation>
    </message>
    <message>
        <source>There is already a child called {name}.</source>
        <translation>There is already a child called {name}.</translation>
    </message>
    <message>
        <source>{name} is added.</source>
        <translation>{name} is added.</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>no account</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Qorgan — parent console</source>
        <translation>Qorgan — parent console</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable. You see what was loaded before, read-only; the console reconnects by itself. Rules still apply while the console is closed.</source>
        <translation>The Qorgan service is not reachable. You see what was loaded before, read-only; the console reconnects by itself. Rules still apply while the console is closed.</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable, so the PIN cannot be checked. Trying again… (is Qorgan installed and running?)</source>
        <translation>The Qorgan service is not reachable, so the PIN cannot be checked. Trying again… (is Qorgan installed and running?)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <source>No children yet. Add a child under Children.</source>
        <translation>No children yet. Add a child under Children.</translation>
    </message>
    <message>
        <source>Alerts not seen yet: {count}</source>
        <translation>Alerts not seen yet: {count}</translation>
    </message>
    <message>
        <source>Requests waiting: {count}</source>
        <translation>Requests waiting: {count}</translation>
    </message>
</context>
<context>
    <name>DayTable</name>
    <message>
        <source>{day}, homework time</source>
        <translation>{day}, homework time</translation>
    </message>
    <message>
        <source>{where}: “{span}” is not a time span like 16:00-18:00</source>
        <translation>{where}: “{span}” is not a time span like 16:00-18:00</translation>
    </message>
    <message>
        <source>{where}: {span} ends before it starts</source>
        <translation>{where}: {span} ends before it starts</translation>
    </message>
    <message>
        <source>{where}: {first} and {second} overlap</source>
        <translation>{where}: {first} and {second} overlap</translation>
    </message>
    <message>
        <source>Time a day</source>
        <translation>Time a day</translation>
    </message>
    <message>
        <source>Bedtime, until the next morning</source>
        <translation>Bedtime, until the next morning</translation>
    </message>
    <message>
        <source>Homework time: does not count</source>
        <translation>Homework time: does not count</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>limit</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>bedtime</translation>
    </message>
    <message>
        <source>e.g. 16:00-18:00</source>
        <translation>e.g. 16:00-18:00</translation>
    </message>
    <message>
        <source>Spans like 16:00-18:00, separated by commas. Time in them is not counted.</source>
        <translation>Spans like 16:00-18:00, separated by commas. Time in them is not counted.</translation>
    </message>
    <message>
        <source>{day}: bedtime and wake-up time are the same ({time})</source>
        <translation>{day}: bedtime and wake-up time are the same ({time})</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up Qorgan</source>
        <translation>Setting up Qorgan</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Give the group a name, like 7A.</source>
        <translation>Give the group a name, like 7A.</translation>
    </message>
    <message>
        <source>There is already a group called {name}.</source>
        <translation>There is already a group called {name}.</translation>
    </message>
    <message>
        <source>Choose the profile the group&apos;s pupils get.</source>
        <translation>Choose the profile the group&apos;s pupils get.</translation>
    </message>
    <message>
        <source>Give the group&apos;s accounts, like pupil7a*.</source>
        <translation>Give the group&apos;s accounts, like pupil7a*.</translation>
    </message>
    <message>
        <source>Group {group}: the profile {profile} is no longer there.</source>
        <translation>Group {group}: the profile {profile} is no longer there.</translation>
    </message>
    <message>
        <source>The profile {profile} is no longer there.</source>
        <translation>The profile {profile} is no longer there.</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>School groups</source>
        <translation>School groups</translation>
    </message>
    <message>
        <source>In a school lab, a group&apos;s pupil accounts share one profile. A pattern such as pupil7a* matches every account that starts with pupil7a.</source>
        <translation>In a school lab, a group&apos;s pupil accounts share one profile. A pattern such as pupil7a* matches every account that starts with pupil7a.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. 7A</source>
        <translation>e.g. 7A</translation>
    </message>
    <message>
        <source>e.g. pupil7a*, teacher-guest</source>
        <translation>e.g. pupil7a*, teacher-guest</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>The whole lab</source>
        <translation>The whole lab</translation>
    </message>
    <message>
        <source>Other accounts get</source>
        <translation>Other accounts get</translation>
    </message>
    <message>
        <source>Check an account</source>
        <translation>Check an account</translation>
    </message>
    <message>
        <source>an account name, e.g. pupil7a12</source>
        <translation>an account name, e.g. pupil7a12</translation>
    </message>
    <message>
        <source>Exam mode and its timetable come with the school&apos;s signed policy; an admin can also hold it on or off with: qorgan school exam on|off|auto.</source>
        <translation>Exam mode and its timetable come with the school&apos;s signed policy; an admin can also hold it on or off with: qorgan school exam on|off|auto.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>The rules changed elsewhere; saving keeps both.</source>
        <translation>The rules changed elsewhere; saving keeps both.</translation>
    </message>
    <message>
        <source>not filtered (no profile)</source>
        <translation>not filtered (no profile)</translation>
    </message>
    <message>
        <source>Not saved yet: press Save.</source>
        <translation>Not saved yet: press Save.</translation>
    </message>
    <message>
        <source>{account} is not filtered.</source>
        <translation>{account} is not filtered.</translation>
    </message>
    <message>
        <source>{account} gets {profile}.</source>
        <translation>{account} gets {profile}.</translation>
    </message>
    <message>
        <source>Saved. The filter applies it within seconds.</source>
        <translation>Saved. The filter applies it within seconds.</translation>
    </message>
</context>
<context>
    <name>ImportBox</name>
    <message>
        <source>Import a list file</source>
        <translation>Import a list file</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Guess from the file name (.json, .csv, .tar.gz)</source>
        <translation>Guess from the file name (.json, .csv, .tar.gz)</translation>
    </message>
    <message>
        <source>Domains, one per line</source>
        <translation>Domains, one per line</translation>
    </message>
    <message>
        <source>Hosts file</source>
        <translation>Hosts file</translation>
    </message>
    <message>
        <source>Adblock filters</source>
        <translation>Adblock filters</translation>
    </message>
    <message>
        <source>National blocklist</source>
        <translation>National blocklist</translation>
    </message>
    <message>
        <source>UT1 blacklists</source>
        <translation>UT1 blacklists</translation>
    </message>
    <message>
        <source>Registry dump (CSV)</source>
        <translation>Registry dump (CSV)</translation>
    </message>
    <message>
        <source>Category of its sites:</source>
        <translation>Category of its sites:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Choose the file and import…</source>
        <translation>Choose the file and import…</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Qorgan</source>
        <translation>Welcome to Qorgan</translation>
    </message>
    <message>
        <source>Qorgan keeps your child&apos;s time on this PC safe: it filters websites by the child&apos;s age class, limits screen time and shows you what was blocked and why. Nothing about your child leaves this PC.

Choose the language of the console:</source>
        <translation>Qorgan keeps your child&apos;s time on this PC safe: it filters websites by the child&apos;s age class, limits screen time and shows you what was blocked and why. Nothing about your child leaves this PC.

Choose the language of the console:</translation>
    </message>
</context>
<context>
    <name>ListJobs</name>
    <message>
        <source>National list</source>
        <translation>National list</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Hosts file</source>
        <translation>Hosts file</translation>
    </message>
    <message>
        <source>Adblock filters</source>
        <translation>Adblock filters</translation>
    </message>
    <message>
        <source>UT1</source>
        <translation>UT1</translation>
    </message>
    <message>
        <source>Registry dump</source>
        <translation>Registry dump</translation>
    </message>
    <message>
        <source>Signature checked</source>
        <translation>Signature checked</translation>
    </message>
    <message>
        <source>Checksum checked</source>
        <translation>Checksum checked</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>{name}: not updated: {error}</source>
        <translation>{name}: not updated: {error}</translation>
    </message>
    <message>
        <source>{name}: {entries} entries.</source>
        <translation>{name}: {entries} entries.</translation>
    </message>
    <message>
        <source>{name}: {accepted} accepted, {invalid} invalid lines.</source>
        <translation>{name}: {accepted} accepted, {invalid} invalid lines.</translation>
    </message>
    <message>
        <source>{name}: removed.</source>
        <translation>{name}: removed.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Finished.</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Lists</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>National blocklist (Article 41-1, Law on Communications)</source>
        <translation>National blocklist (Article 41-1, Law on Communications)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Sites on this list are blocked for everyone; a parent cannot allow them.</source>
        <translation>Sites on this list are blocked for everyone; a parent cannot allow them.</translation>
    </message>
    <message>
        <source>List sources</source>
        <translation>List sources</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Update now</source>
        <translation>Update now</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>The national list cannot be removed, not even with the PIN: import a newer signed list to replace it.</source>
        <translation>The national list cannot be removed, not even with the PIN: import a newer signed list to replace it.</translation>
    </message>
    <message>
        <source>Remove the list source {name}? The filter stops using its sites; the other lists stay in force.</source>
        <translation>Remove the list source {name}? The filter stops using its sites; the other lists stay in force.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>Removing {name}…</translation>
    </message>
    <message>
        <source>Choose the category that the list&apos;s sites belong to.</source>
        <translation>Choose the category that the list&apos;s sites belong to.</translation>
    </message>
    <message>
        <source>Say what kind of list {file} is, and choose its category.</source>
        <translation>Say what kind of list {file} is, and choose its category.</translation>
    </message>
    <message>
        <source>There are no list sources to update.</source>
        <translation>There are no list sources to update.</translation>
    </message>
    <message>
        <source>Queued. The service starts on it within seconds…</source>
        <translation>Queued. The service starts on it within seconds…</translation>
    </message>
    <message>
        <source>Running now…</source>
        <translation>Running now…</translation>
    </message>
    <message>
        <source>Still not finished; the status above shows when it is.</source>
        <translation>Still not finished; the status above shows when it is.</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>not imported</translation>
    </message>
    <message>
        <source>In force: {entries} entries, built {built}.</source>
        <translation>In force: {entries} entries, built {built}.</translation>
    </message>
    <message>
        <source>Waiting to run: {count}.</source>
        <translation>Waiting to run: {count}.</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>running now</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <source>Last update: {state}, {time}.</source>
        <translation>Last update: {state}, {time}.</translation>
    </message>
    <message>
        <source>List status is not available from this service yet. The filter uses the starter lists that come with Qorgan.</source>
        <translation>List status is not available from this service yet. The filter uses the starter lists that come with Qorgan.</translation>
    </message>
    <message>
        <source>No list sources are set up; the starter lists are in use.</source>
        <translation>No list sources are set up; the starter lists are in use.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>Import a list</translation>
    </message>
    <message>
        <source>Lists (*.json *.txt *.csv);;All files (*)</source>
        <translation>Lists (*.json *.txt *.csv);;All files (*)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Qorgan parent console</source>
        <translation>Qorgan parent console</translation>
    </message>
    <message>
        <source>Enter the parent PIN to open the console.</source>
        <translation>Enter the parent PIN to open the console.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>The console locked itself after a while without use.</source>
        <translation>The console locked itself after a while without use.</translation>
    </message>
    <message>
        <source>The session ended; enter the PIN again.</source>
        <translation>The session ended; enter the PIN again.</translation>
    </message>
    <message>
        <source>Wrong PIN ({tries} in a row). After 5 wrong tries the PIN locks for a minute, and longer after each further wrong try.</source>
        <translation>Wrong PIN ({tries} in a row). After 5 wrong tries the PIN locks for a minute, and longer after each further wrong try.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until {time} ({seconds} s left).</source>
        <translation>Too many wrong PINs. Locked until {time} ({seconds} s left).</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Home or school</source>
        <translation>Home or school</translation>
    </message>
    <message>
        <source>Home: a family PC</source>
        <translation>Home: a family PC</translation>
    </message>
    <message>
        <source>Each child has a profile of their own.</source>
        <translation>Each child has a profile of their own.</translation>
    </message>
    <message>
        <source>School: a computer lab</source>
        <translation>School: a computer lab</translation>
    </message>
    <message>
        <source>Pupils&apos; accounts share class profiles; exam mode allows chosen sites only.</source>
        <translation>Pupils&apos; accounts share class profiles; exam mode allows chosen sites only.</translation>
    </message>
</context>
<context>
    <name>OpenPortsBox</name>
    <message>
        <source>Open ports</source>
        <translation>Open ports</translation>
    </message>
    <message>
        <source>Everything but web and DNS is refused for the children; a port opened here goes out directly, not through the filter.</source>
        <translation>Everything but web and DNS is refused for the children; a port opened here goes out directly, not through the filter.</translation>
    </message>
    <message>
        <source>e.g. 25565/tcp or 27015-27030/udp</source>
        <translation>e.g. 25565/tcp or 27015-27030/udp</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>write it as PORT/tcp, PORT/udp or FIRST-LAST/tcp</source>
        <translation>write it as PORT/tcp, PORT/udp or FIRST-LAST/tcp</translation>
    </message>
    <message>
        <source>ports go from 1 to 65535, the first no higher than the last</source>
        <translation>ports go from 1 to 65535, the first no higher than the last</translation>
    </message>
    <message>
        <source>53, 80, 443 and 853 are the proxy&apos;s (web and DNS go through it)</source>
        <translation>53, 80, 443 and 853 are the proxy&apos;s (web and DNS go through it)</translation>
    </message>
    <message>
        <source>Opened {port}.</source>
        <translation>Opened {port}.</translation>
    </message>
    <message>
        <source>Port closed.</source>
        <translation>Port closed.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Parent PIN</source>
        <translation>Parent PIN</translation>
    </message>
    <message>
        <source>Choose a PIN of at least 4 characters. You will need it to open the console and to approve your child&apos;s requests. Do not tell it to your child.</source>
        <translation>Choose a PIN of at least 4 characters. You will need it to open the console and to approve your child&apos;s requests. Do not tell it to your child.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>the same PIN again</source>
        <translation>the same PIN again</translation>
    </message>
    <message>
        <source>The PIN needs at least 4 characters.</source>
        <translation>The PIN needs at least 4 characters.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>The two PINs are not the same.</translation>
    </message>
    <message>
        <source>Saving the PIN…</source>
        <translation>Saving the PIN…</translation>
    </message>
    <message>
        <source>The service gave no session.</source>
        <translation>The service gave no session.</translation>
    </message>
    <message>
        <source>The PIN is set.</source>
        <translation>The PIN is set.</translation>
    </message>
</context>
<context>
    <name>ProtectionReport</name>
    <message>
        <source>Qorgan service</source>
        <translation>Qorgan service</translation>
    </message>
    <message>
        <source>Certificate for HTTPS filtering</source>
        <translation>Certificate for HTTPS filtering</translation>
    </message>
    <message>
        <source>Firewall redirection</source>
        <translation>Firewall redirection</translation>
    </message>
    <message>
        <source>National blocklist</source>
        <translation>National blocklist</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>unknown while the service is not reachable</source>
        <translation>unknown while the service is not reachable</translation>
    </message>
    <message>
        <source>running (demo mode, as your user)</source>
        <translation>running (demo mode, as your user)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>created on this PC</source>
        <translation>created on this PC</translation>
    </message>
    <message>
        <source>missing: HTTPS sites cannot show the block page</source>
        <translation>missing: HTTPS sites cannot show the block page</translation>
    </message>
    <message>
        <source>demo mode: not applicable</source>
        <translation>demo mode: not applicable</translation>
    </message>
    <message>
        <source>not keeping up: its last sign of life is old</source>
        <translation>not keeping up: its last sign of life is old</translation>
    </message>
    <message>
        <source>running, but the filter is down</source>
        <translation>running, but the filter is down</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>version {version}, {entries} entries</source>
        <translation>version {version}, {entries} entries</translation>
    </message>
    <message>
        <source>not checked by this version</source>
        <translation>not checked by this version</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>failed: {error}</translation>
    </message>
    <message>
        <source>not in place: the child&apos;s traffic is not filtered</source>
        <translation>not in place: the child&apos;s traffic is not filtered</translation>
    </message>
    <message>
        <source>trusted by the system and the browsers</source>
        <translation>trusted by the system and the browsers</translation>
    </message>
    <message>
        <source>could not be installed: {error}</source>
        <translation>could not be installed: {error}</translation>
    </message>
    <message>
        <source>being installed…</source>
        <translation>being installed…</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>not imported</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>cannot be read: {error}</translation>
    </message>
    <message>
        <source>version {version} from {publisher}, {entries} entries</source>
        <translation>version {version} from {publisher}, {entries} entries</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Weekly reports are not available from this service yet.</source>
        <translation>Weekly reports are not available from this service yet.</translation>
    </message>
    <message>
        <source>No reports yet. Qorgan writes one every week.</source>
        <translation>No reports yet. Qorgan writes one every week.</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Save the report</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Show answered requests too</source>
        <translation>Show answered requests too</translation>
    </message>
    <message>
        <source>No requests. When a child asks for more time or a site, it shows here.</source>
        <translation>No requests. When a child asks for more time or a site, it shows here.</translation>
    </message>
    <message>
        <source>Allow a site for:</source>
        <translation>Allow a site for:</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Asked</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>site {host}</source>
        <translation>site {host}</translation>
    </message>
    <message>
        <source>{time} more</source>
        <translation>{time} more</translation>
    </message>
    <message>
        <source>more time</source>
        <translation>more time</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Approved.</translation>
    </message>
    <message>
        <source>Declined.</source>
        <translation>Declined.</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule and time limits</source>
        <translation>Schedule and time limits</translation>
    </message>
    <message>
        <source>Allowed hours</source>
        <translation>Allowed hours</translation>
    </message>
    <message>
        <source>Allow all</source>
        <translation>Allow all</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Close all</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Daily budget per category (0: no budget)</source>
        <translation>Daily budget per category (0: no budget)</translation>
    </message>
    <message>
        <source>the PC may be used</source>
        <translation>the PC may be used</translation>
    </message>
    <message>
        <source>homework time, not counted</source>
        <translation>homework time, not counted</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>bedtime</translation>
    </message>
    <message>
        <source>Click or drag over half-hours to open or close them.</source>
        <translation>Click or drag over half-hours to open or close them.</translation>
    </message>
    <message>
        <source>Each day</source>
        <translation>Each day</translation>
    </message>
    <message>
        <source>Budgets per category</source>
        <translation>Budgets per category</translation>
    </message>
    <message>
        <source>Budgets for single apps, and apps that do not count, are set under Apps.</source>
        <translation>Budgets for single apps, and apps that do not count, are set under Apps.</translation>
    </message>
</context>
<context>
    <name>ScreenTime</name>
    <message>
        <source>may use the PC</source>
        <translation>may use the PC</translation>
    </message>
    <message>
        <source>using the PC</source>
        <translation>using the PC</translation>
    </message>
    <message>
        <source>not using the PC</source>
        <translation>not using the PC</translation>
    </message>
    <message>
        <source>today&apos;s time is used up</source>
        <translation>today&apos;s time is used up</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>bedtime</translation>
    </message>
    <message>
        <source>outside the allowed hours</source>
        <translation>outside the allowed hours</translation>
    </message>
    <message>
        <source>the session is locked</source>
        <translation>the session is locked</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation>Keep history for</translation>
    </message>
    <message>
        <source>Lock the console after</source>
        <translation>Lock the console after</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>min without use</source>
        <translation>min without use</translation>
    </message>
    <message>
        <source>Weekly report by e-mail</source>
        <translation>Weekly report by e-mail</translation>
    </message>
    <message>
        <source>Send the weekly report by e-mail</source>
        <translation>Send the weekly report by e-mail</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>parent@example.kz</source>
        <translation>parent@example.kz</translation>
    </message>
    <message>
        <source>kept in the system keyring, not in Qorgan&apos;s data</source>
        <translation>kept in the system keyring, not in Qorgan&apos;s data</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SiteListEditor</name>
    <message>
        <source>a site, e.g. bilimland.kz or 10.0.0.0/8</source>
        <translation>a site, e.g. bilimland.kz or 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Not a site the filter can read: {error}</source>
        <translation>Not a site the filter can read: {error}</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>dd.MM.yyyy HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable. Nothing can be saved until it is back.</source>
        <translation>The Qorgan service is not reachable. Nothing can be saved until it is back.</translation>
    </message>
    <message>
        <source>This Qorgan service cannot do this yet.</source>
        <translation>This Qorgan service cannot do this yet.</translation>
    </message>
    <message>
        <source>Enter the parent PIN again.</source>
        <translation>Enter the parent PIN again.</translation>
    </message>
    <message>
        <source>The PIN is locked for now after too many wrong tries.</source>
        <translation>The PIN is locked for now after too many wrong tries.</translation>
    </message>
    <message>
        <source>The service refused this: {detail}</source>
        <translation>The service refused this: {detail}</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Something went wrong: {detail}</translation>
    </message>
</context>
<context>
    <name>TrayModel</name>
    <message>
        <source>Asking for a site is not available on this PC yet. Ask a parent in person.</source>
        <translation>Asking for a site is not available on this PC yet. Ask a parent in person.</translation>
    </message>
    <message>
        <source>Asking for time is not available on this PC yet. Ask a parent in person.</source>
        <translation>Asking for time is not available on this PC yet. Ask a parent in person.</translation>
    </message>
    <message>
        <source>Qorgan does not supervise this account, so there is no one to ask.</source>
        <translation>Qorgan does not supervise this account, so there is no one to ask.</translation>
    </message>
</context>
<context>
    <name>TrayPanel</name>
    <message>
        <source>Qorgan&apos;s service is not reachable right now.</source>
        <translation>Qorgan&apos;s service is not reachable right now.</translation>
    </message>
    <message>
        <source>Screen time is not counted on this PC yet.</source>
        <translation>Screen time is not counted on this PC yet.</translation>
    </message>
    <message>
        <source>Checking your time…</source>
        <translation>Checking your time…</translation>
    </message>
    <message>
        <source>Qorgan does not supervise this account.</source>
        <translation>Qorgan does not supervise this account.</translation>
    </message>
    <message>
        <source>No time limit today.</source>
        <translation>No time limit today.</translation>
    </message>
    <message>
        <source>Time left today: {time}</source>
        <translation>Time left today: {time}</translation>
    </message>
    <message>
        <source>Qorgan</source>
        <translation>Qorgan</translation>
    </message>
    <message>
        <source>Qorgan is on</source>
        <translation>Qorgan is on</translation>
    </message>
    <message>
        <source>Now: {state}</source>
        <translation>Now: {state}</translation>
    </message>
    <message>
        <source>Ask for more time…</source>
        <translation>Ask for more time…</translation>
    </message>
    <message>
        <source>What Qorgan does</source>
        <translation>What Qorgan does</translation>
    </message>
    <message>
        <source>Ask a parent</source>
        <translation>Ask a parent</translation>
    </message>
    <message>
        <source>Your computer time for today is over.</source>
        <translation>Your computer time for today is over.</translation>
    </message>
    <message>
        <source>{time} of computer time left today. Save your work.</source>
        <translation>{time} of computer time left today. Save your work.</translation>
    </message>
    <message>
        <source>{host} is blocked.</source>
        <translation>{host} is blocked.</translation>
    </message>
    <message>
        <source>{host} is blocked: {category}.</source>
        <translation>{host} is blocked: {category}.</translation>
    </message>
    <message>
        <source>You can ask a parent.</source>
        <translation>You can ask a parent.</translation>
    </message>
    <message>
        <source>This site stays closed.</source>
        <translation>This site stays closed.</translation>
    </message>
    <message>
        <source>If you feel bad, you can call 150 at any time: it is free, they listen.</source>
        <translation>If you feel bad, you can call 150 at any time: it is free, they listen.</translation>
    </message>
    <message>
        <source>A parent will see that you asked for {host}.</source>
        <translation>A parent will see that you asked for {host}.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>School groups</source>
        <translation>School groups</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Requests ({count})</source>
        <translation>Requests ({count})</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Lock the console</source>
        <translation>Lock the console</translation>
    </message>
</context>
</TS>
