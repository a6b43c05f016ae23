/** Spanish texts of Ajustes › Actualizaciones and the top bar's "Actualización lista". */
export const esUpdates = {
  updates: {
    title: 'Actualizaciones',
    hint: 'Mostrador busca versiones nuevas al abrirse y una vez al día, y las descarga sin interrumpir. Se instalan al cerrar la aplicación o cuando pulsas «Reiniciar e instalar», siempre después de una copia de seguridad y nunca con una venta a medias.',
    version: 'Versión instalada: {{version}}',
    url: 'Dirección de actualizaciones',
    urlHint: 'La dirección https:// que te ha dado tu proveedor. Déjala vacía si este equipo no debe actualizarse solo.',
    urlPlaceholder: 'https://…',
    channel: 'Canal',
    channels: {
      latest: 'Estable',
      beta: 'Beta (versiones de prueba)',
    },
    fromEnvironment: 'En este equipo se usa la dirección de MOSTRADOR_UPDATE_URL: {{url}}',
    save: 'Guardar',
    saved: 'Ajustes de actualización guardados.',
    checkNow: 'Buscar ahora',
    installNow: 'Reiniciar e instalar',
    installing: 'Haciendo la copia de seguridad y reiniciando…',
    stateLabel: 'Estado',
    state: {
      unavailable: {
        'no-updater': 'Las actualizaciones automáticas solo funcionan en la aplicación de escritorio instalada.',
        'not-packaged': 'Esta copia de Mostrador no está instalada: no puede actualizarse sola.',
        'no-feed': 'Sin dirección de actualizaciones: este equipo no se actualiza solo.',
      },
      idle: 'Al día.',
      idleChecked: 'Al día (comprobado el {{when}}).',
      checking: 'Buscando actualizaciones…',
      downloading: 'Descargando la versión {{version}}: {{percent}} %',
      ready: 'Actualización lista: versión {{version}}.',
      installing: 'Instalando la versión {{version}}…',
      error: {
        check: 'No se pudo comprobar si hay actualizaciones ({{detail}}). Se volverá a intentar.',
        download: 'No se pudo descargar la actualización ({{detail}}). Sigues con la versión actual.',
        backup: 'No se pudo hacer la copia de seguridad: no se ha instalado nada ({{detail}}).',
        install: 'No se pudo instalar la actualización ({{detail}}). Sigues con la versión actual.',
      },
    },
    notice: 'Actualización lista',
    noticeLabel: 'Actualización lista: versión {{version}}',
  },
};
