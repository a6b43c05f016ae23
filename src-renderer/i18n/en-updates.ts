import type { esUpdates } from './es-updates';

/** English texts of Ajustes › Actualizaciones and the top bar's "Update ready". */
export const enUpdates: typeof esUpdates = {
  updates: {
    title: 'Updates',
    hint: 'Mostrador looks for new versions when it opens and once a day, and downloads them in the background. They install when the app closes or when you press “Restart and install”, always after a backup and never in the middle of a sale.',
    version: 'Installed version: {{version}}',
    url: 'Update address',
    urlHint: 'The https:// address your provider gave you. Leave it empty if this computer should not update itself.',
    urlPlaceholder: 'https://…',
    channel: 'Channel',
    channels: {
      latest: 'Stable',
      beta: 'Beta (test versions)',
    },
    fromEnvironment: 'This computer uses the address in MOSTRADOR_UPDATE_URL: {{url}}',
    save: 'Save',
    saved: 'Update settings saved.',
    checkNow: 'Check now',
    installNow: 'Restart and install',
    installing: 'Backing up and restarting…',
    stateLabel: 'Status',
    state: {
      unavailable: {
        'no-updater': 'Automatic updates only work in the installed desktop app.',
        'not-packaged': 'This copy of Mostrador is not installed: it cannot update itself.',
        'no-feed': 'No update address: this computer does not update itself.',
      },
      idle: 'Up to date.',
      idleChecked: 'Up to date (checked {{when}}).',
      checking: 'Checking for updates…',
      downloading: 'Downloading version {{version}}: {{percent}} %',
      ready: 'Update ready: version {{version}}.',
      installing: 'Installing version {{version}}…',
      error: {
        check: 'Could not check for updates ({{detail}}). It will try again.',
        download: 'Could not download the update ({{detail}}). You keep the current version.',
        backup: 'Could not make the backup: nothing was installed ({{detail}}).',
        install: 'Could not install the update ({{detail}}). You keep the current version.',
      },
    },
    notice: 'Update ready',
    noticeLabel: 'Update ready: version {{version}}',
  },
};
