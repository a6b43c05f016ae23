import type { Sex } from '../../src-shared/domain/client';
import { fold } from '../engine/text/fold';

/** Names, places and notes for a believable Spanish centre: used by seed-demo and the benchmark. */

export const demoFirstNames: readonly (readonly [string, Sex])[] = [
  ['María', 'female'], ['Lucía', 'female'], ['Carmen', 'female'], ['Ana', 'female'], ['Laura', 'female'],
  ['Marta', 'female'], ['Sofía', 'female'], ['Paula', 'female'], ['Elena', 'female'], ['Cristina', 'female'],
  ['Irene', 'female'], ['Nuria', 'female'], ['Begoña', 'female'], ['Ainhoa', 'female'], ['Itziar', 'female'],
  ['Raquel', 'female'], ['Pilar', 'female'], ['Rocío', 'female'], ['Inés', 'female'], ['Noelia', 'female'],
  ['Lorena', 'female'], ['Natalia', 'female'], ['Beatriz', 'female'], ['Alba', 'female'], ['Claudia', 'female'],
  ['Montserrat', 'female'], ['Ángela', 'female'], ['Mónica', 'female'], ['Verónica', 'female'], ['Judith', 'female'],
  ['María José', 'female'], ['Ana Belén', 'female'], ['Mercè', 'female'], ['Aránzazu', 'female'], ['Maite', 'female'],
  ['José', 'male'], ['Antonio', 'male'], ['Manuel', 'male'], ['Francisco', 'male'], ['David', 'male'],
  ['Javier', 'male'], ['Daniel', 'male'], ['Carlos', 'male'], ['Jesús', 'male'], ['Alejandro', 'male'],
  ['Miguel', 'male'], ['Rafael', 'male'], ['Pablo', 'male'], ['Sergio', 'male'], ['Álvaro', 'male'],
  ['Íñigo', 'male'], ['Joaquín', 'male'], ['Adrián', 'male'], ['Rubén', 'male'], ['Óscar', 'male'],
  ['Andrés', 'male'], ['Jordi', 'male'], ['Xabier', 'male'], ['Martín', 'male'], ['Hugo', 'male'],
  ['Juan Carlos', 'male'], ['José Luis', 'male'], ['Ramón', 'male'], ['Iker', 'male'], ['Nicolás', 'male'],
];

export const demoLastNames: readonly string[] = [
  'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
  'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez',
  'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina',
  'Morales', 'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez',
  'Iglesias', 'Medina', 'Garrido', 'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto',
  'Méndez', 'Cruz', 'Calvo', 'Gallego', 'Vidal', 'León', 'Herrera', 'Peña', 'Flores', 'Cabrera',
  'Campos', 'Vega', 'Fuentes', 'Carrasco', 'Díez', 'Caballero', 'Reyes', 'Nieto', 'Aguilar', 'Pascual',
  'Herrero', 'Montero', 'Lorenzo', 'Hidalgo', 'Giménez', 'Ibáñez', 'Ferrer', 'Durán', 'Santiago', 'Benítez',
  'Mora', 'Vicente', 'Vargas', 'Arias', 'Carmona', 'Crespo', 'Román', 'Pastor', 'Soto', 'Sáez',
  'Velasco', 'Moya', 'Soler', 'Parra', 'Esteban', 'Bravo', 'Gallardo', 'Rojas', 'Echeverría', 'Urquijo',
  'Aguirre', 'Etxeberria', 'Goikoetxea', 'Puig', 'Casals', 'Ferrándiz', 'Quiñones', 'Peñalver', 'Zúñiga', 'Báez',
];

export const demoCities: readonly (readonly [string, string])[] = [
  ['Madrid', '28013'], ['Barcelona', '08012'], ['Valencia', '46002'], ['Sevilla', '41004'], ['Zaragoza', '50001'],
  ['Málaga', '29015'], ['Bilbao', '48001'], ['Córdoba', '14003'], ['Valladolid', '47001'], ['Alicante', '03002'],
  ['Vigo', '36202'], ['Gijón', '33201'], ['A Coruña', '15003'], ['Granada', '18009'], ['Logroño', '26001'],
];

export const demoStreets: readonly string[] = [
  'Calle Mayor', 'Avenida de la Constitución', 'Calle del Carmen', 'Paseo de Gracia', 'Calle Real',
  'Calle San Vicente', 'Gran Vía', 'Calle de Alcalá', 'Plaza de España', 'Calle Nueva', 'Rambla de Catalunya',
  'Calle Iparraguirre', 'Avenida de Andalucía', 'Calle de la Paz', 'Calle Príncipe',
];

export const demoEmailDomains: readonly string[] = ['gmail.com', 'hotmail.com', 'yahoo.es', 'outlook.es', 'telefonica.net', 'icloud.com'];

/** Card notes anyone may have (the benchmark draws from these too). */
export const demoNotes: readonly string[] = [
  'Alergia al látex: usar guantes de nitrilo.',
  'Alergia a los frutos secos (aceites de masaje).',
  'Piel sensible, evitar exfoliantes fuertes.',
  'Prefiere citas por la mañana.',
  'Lesión de rodilla derecha: evitar impacto.',
  'Hernia discal L4-L5, consultar antes de ejercicios de flexión.',
  'Fórmula de color: 7.1 + 20 vol, 35 minutos.',
  'Prefiere que le atienda siempre la misma profesional.',
  'Hipertensión controlada.',
  'Alergia al níquel.',
];

/** Notes only a woman of the age can have: seed-demo gives them to no one else. */
export const demoPregnancyNote = 'Embarazada de 20 semanas.';

export const demoFamilyNotes: Record<Sex, string> = {
  female: 'Viene con su hija los sábados.',
  male: 'Viene con su hijo los sábados.',
  other: 'Viene con su familia los sábados.',
};

export const demoAllergies: readonly string[] = ['Látex', 'Níquel', 'Frutos secos', 'Perfumes', 'Parabenos', 'Ninguna conocida'];

/** [as said of a woman, of a man]; "Estudiante" and "Jubilado" follow the client's age (seed-demo). */
export const demoProfessions: readonly (readonly [string, string])[] = [
  ['Profesora', 'Profesor'], ['Enfermera', 'Enfermero'], ['Abogada', 'Abogado'], ['Administrativa', 'Administrativo'],
  ['Ingeniera', 'Ingeniero'], ['Diseñadora', 'Diseñador'], ['Farmacéutica', 'Farmacéutico'], ['Autónoma', 'Autónomo'],
  ['Médica', 'Médico'], ['Fisioterapeuta', 'Fisioterapeuta'],
];

export const demoReferrals: readonly string[] = ['Instagram', 'Recomendación', 'Google', 'Pasaba por la puerta', 'Facebook'];

/** No "birthday this month" tag: the agenda shows birthdays from the date itself. */
export const demoTags: readonly (readonly [string, string])[] = [
  ['VIP', '#d62872'], ['Pilates', '#2a9d8f'], ['Embarazo', '#e9c46a'], ['Nuevo', '#457b9d'], ['Estética', '#8e7dbe'],
  ['Bono 10 sesiones', '#f4a261'], ['Mañanas', '#6a994e'], ['Lesión', '#e76f51'], ['Fisioterapia', '#264653'],
];

export const demoLevels = ['Inicial', 'Intermedio', 'Avanzado'] as const;

/** A small seeded random generator (mulberry32): the same seed gives the same demo centre. */
export function demoRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  function pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  return { next, int, pick, chance: (p: number) => next() < p };
}

const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** A Spanish DNI with its correct letter, e.g. 12345678Z. */
export function demoDni(number: number): string {
  const digits = String(number % 100_000_000).padStart(8, '0');
  return `${digits}${dniLetters[Number(digits) % 23]}`;
}

/** Lower-case ASCII for an email's local part: "María José" → "mariajose". */
export function emailLocal(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}
